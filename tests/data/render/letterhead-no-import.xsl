<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- A stylesheet that does not import res:///letter.xsl: it would write a
     letter of its own, so it is refused with LERQ-L002. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">hello</xsl:template>
</xsl:stylesheet>
