<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Issue 13: the same doubling through result tree fragments, without concat: stopped by the variable budget (LERQ-L003) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="res:///letter.xsl"/>
  <xsl:template name="letterhead-above">
    <xsl:variable name="a0">xxxxxxxxxxxxxxxx</xsl:variable>
    <xsl:variable name="a1"><xsl:value-of select="$a0"/><xsl:value-of select="$a0"/></xsl:variable>
    <xsl:variable name="a2"><xsl:value-of select="$a1"/><xsl:value-of select="$a1"/></xsl:variable>
    <xsl:variable name="a3"><xsl:value-of select="$a2"/><xsl:value-of select="$a2"/></xsl:variable>
    <xsl:variable name="a4"><xsl:value-of select="$a3"/><xsl:value-of select="$a3"/></xsl:variable>
    <xsl:variable name="a5"><xsl:value-of select="$a4"/><xsl:value-of select="$a4"/></xsl:variable>
    <xsl:variable name="a6"><xsl:value-of select="$a5"/><xsl:value-of select="$a5"/></xsl:variable>
    <xsl:variable name="a7"><xsl:value-of select="$a6"/><xsl:value-of select="$a6"/></xsl:variable>
    <xsl:variable name="a8"><xsl:value-of select="$a7"/><xsl:value-of select="$a7"/></xsl:variable>
    <xsl:variable name="a9"><xsl:value-of select="$a8"/><xsl:value-of select="$a8"/></xsl:variable>
    <xsl:variable name="a10"><xsl:value-of select="$a9"/><xsl:value-of select="$a9"/></xsl:variable>
    <xsl:variable name="a11"><xsl:value-of select="$a10"/><xsl:value-of select="$a10"/></xsl:variable>
    <xsl:variable name="a12"><xsl:value-of select="$a11"/><xsl:value-of select="$a11"/></xsl:variable>
    <xsl:variable name="a13"><xsl:value-of select="$a12"/><xsl:value-of select="$a12"/></xsl:variable>
    <xsl:variable name="a14"><xsl:value-of select="$a13"/><xsl:value-of select="$a13"/></xsl:variable>
    <xsl:variable name="a15"><xsl:value-of select="$a14"/><xsl:value-of select="$a14"/></xsl:variable>
    <xsl:variable name="a16"><xsl:value-of select="$a15"/><xsl:value-of select="$a15"/></xsl:variable>
    <xsl:variable name="a17"><xsl:value-of select="$a16"/><xsl:value-of select="$a16"/></xsl:variable>
    <xsl:variable name="a18"><xsl:value-of select="$a17"/><xsl:value-of select="$a17"/></xsl:variable>
    <xsl:variable name="a19"><xsl:value-of select="$a18"/><xsl:value-of select="$a18"/></xsl:variable>
    <xsl:variable name="a20"><xsl:value-of select="$a19"/><xsl:value-of select="$a19"/></xsl:variable>
    <xsl:variable name="a21"><xsl:value-of select="$a20"/><xsl:value-of select="$a20"/></xsl:variable>
    <xsl:variable name="a22"><xsl:value-of select="$a21"/><xsl:value-of select="$a21"/></xsl:variable>
    <xsl:variable name="a23"><xsl:value-of select="$a22"/><xsl:value-of select="$a22"/></xsl:variable>
    <xsl:variable name="a24"><xsl:value-of select="$a23"/><xsl:value-of select="$a23"/></xsl:variable>
    <xsl:variable name="a25"><xsl:value-of select="$a24"/><xsl:value-of select="$a24"/></xsl:variable>
    <xsl:variable name="a26"><xsl:value-of select="$a25"/><xsl:value-of select="$a25"/></xsl:variable>
    <xsl:variable name="a27"><xsl:value-of select="$a26"/><xsl:value-of select="$a26"/></xsl:variable>
    <xsl:variable name="a28"><xsl:value-of select="$a27"/><xsl:value-of select="$a27"/></xsl:variable>
    <xsl:variable name="a29"><xsl:value-of select="$a28"/><xsl:value-of select="$a28"/></xsl:variable>
    <xsl:variable name="a30"><xsl:value-of select="$a29"/><xsl:value-of select="$a29"/></xsl:variable>
    <xsl:value-of select="string-length($a30)"/>
  </xsl:template>
</xsl:stylesheet>
