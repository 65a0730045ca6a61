<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Exponential work without deep recursion (2^40 calls): stopped by the
     operation caps (LERQ-L003) long before it could finish. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above">
    <xsl:call-template name="spin"><xsl:with-param name="n" select="40"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="spin">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <xsl:call-template name="spin"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
      <xsl:call-template name="spin"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
