<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Endless recursion: stopped by the template depth cap (LERQ-L003). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above"><xsl:call-template name="letterhead-above"/></xsl:template>
</xsl:stylesheet>
