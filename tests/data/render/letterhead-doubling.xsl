<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Issue 13: a string doubled with concat in 30 variables (16 GB): stopped at the string cap, quickly (LERQ-L003) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above">
    <xsl:variable name="a0" select="'xxxxxxxxxxxxxxxx'"/>
    <xsl:variable name="a1" select="concat($a0, $a0)"/>
    <xsl:variable name="a2" select="concat($a1, $a1)"/>
    <xsl:variable name="a3" select="concat($a2, $a2)"/>
    <xsl:variable name="a4" select="concat($a3, $a3)"/>
    <xsl:variable name="a5" select="concat($a4, $a4)"/>
    <xsl:variable name="a6" select="concat($a5, $a5)"/>
    <xsl:variable name="a7" select="concat($a6, $a6)"/>
    <xsl:variable name="a8" select="concat($a7, $a7)"/>
    <xsl:variable name="a9" select="concat($a8, $a8)"/>
    <xsl:variable name="a10" select="concat($a9, $a9)"/>
    <xsl:variable name="a11" select="concat($a10, $a10)"/>
    <xsl:variable name="a12" select="concat($a11, $a11)"/>
    <xsl:variable name="a13" select="concat($a12, $a12)"/>
    <xsl:variable name="a14" select="concat($a13, $a13)"/>
    <xsl:variable name="a15" select="concat($a14, $a14)"/>
    <xsl:variable name="a16" select="concat($a15, $a15)"/>
    <xsl:variable name="a17" select="concat($a16, $a16)"/>
    <xsl:variable name="a18" select="concat($a17, $a17)"/>
    <xsl:variable name="a19" select="concat($a18, $a18)"/>
    <xsl:variable name="a20" select="concat($a19, $a19)"/>
    <xsl:variable name="a21" select="concat($a20, $a20)"/>
    <xsl:variable name="a22" select="concat($a21, $a21)"/>
    <xsl:variable name="a23" select="concat($a22, $a22)"/>
    <xsl:variable name="a24" select="concat($a23, $a23)"/>
    <xsl:variable name="a25" select="concat($a24, $a24)"/>
    <xsl:variable name="a26" select="concat($a25, $a25)"/>
    <xsl:variable name="a27" select="concat($a26, $a26)"/>
    <xsl:variable name="a28" select="concat($a27, $a27)"/>
    <xsl:variable name="a29" select="concat($a28, $a28)"/>
    <xsl:variable name="a30" select="concat($a29, $a29)"/>
    <xsl:value-of select="string-length($a30)"/>
  </xsl:template>
</xsl:stylesheet>
