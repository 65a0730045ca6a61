<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xsl:stylesheet [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<!-- SPDX-License-Identifier: MIT -->
<!-- An external entity in a letterhead: refused before it is read (LERQ-P002). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above"><line>&secret;</line></xsl:template>
</xsl:stylesheet>
