<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- A letterhead that overrides every hook: each must show in the letter. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:variable name="letterhead-colour" select="'#aa0033'"/>
  <xsl:variable name="letterhead-font" select="'sans'"/>
  <xsl:variable name="letterhead-layout" select="'centre'"/>
  <xsl:template name="letterhead-logo">
    <logo height="15" alt="Test emblem" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/>
  </xsl:template>
  <xsl:template name="letterhead-above">
    <line>Above-the-name test line</line>
  </xsl:template>
  <xsl:template name="letterhead-footer">
    <line>Footer test line (<xsl:value-of select="$lang"/>)</line>
  </xsl:template>
</xsl:stylesheet>
