<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Issue 13: disable-output-escaping on xsl:value-of: refused when loaded (line 7) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above">
    <xsl:value-of disable-output-escaping="yes" select="'&lt;script&gt;alert(1)&lt;/script&gt;'"/>
  </xsl:template>
</xsl:stylesheet>
