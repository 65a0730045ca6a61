<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Issue 13: an xsl:output of its own (method="text"): refused when loaded (line 6) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:output method="text"/>
  <xsl:template name="letterhead-above"><xsl:text>x</xsl:text></xsl:template>
</xsl:stylesheet>
