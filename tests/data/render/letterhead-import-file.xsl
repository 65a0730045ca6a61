<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Imports are read while compiling, before any security preference
     applies: anything but lerq's own res:/// files is refused (LERQ-L002). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:include href="file:///etc/passwd"/>
</xsl:stylesheet>
