<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- An XPath expression that does not compile (line 8): LERQ-L002 naming
     the line. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above"><line><xsl:value-of select="count(("/></line></xsl:template>
</xsl:stylesheet>
