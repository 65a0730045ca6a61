<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Issue 13: raw <script> through disable-output-escaping on xsl:text: refused when loaded (LERQ-L002, line 7) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above">
    <xsl:text disable-output-escaping="yes">&lt;script&gt;alert(1)&lt;/script&gt;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
