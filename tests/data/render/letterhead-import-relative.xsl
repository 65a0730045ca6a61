<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- A relative import resolves next to the letterhead, on the disk:
     refused (LERQ-L002). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="letterhead-override.xsl"/>
  <xsl:import href="res:///letter.xsl"/>
</xsl:stylesheet>
