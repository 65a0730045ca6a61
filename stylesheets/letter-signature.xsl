<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  The signature check of a letter rendered with a trust list (format
  section 6): one paragraph, placed by the request's verification section
  and the response's contact section, near the sender's contact block.
  The library passes the verification result as the parameters below;
  without a trust list $signature is empty and nothing is written. Only
  "verified" ever says verified.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1">

  <!-- '' (no trust list), 'verified', 'failed' or 'unsigned'. -->
  <xsl:param name="signature" select="''"/>
  <!-- The signer's name as the trust list gives it. -->
  <xsl:param name="signature-signer" select="''"/>
  <!-- The trust list's Owner and IssuedAt. -->
  <xsl:param name="signature-owner" select="''"/>
  <xsl:param name="signature-list-date" select="''"/>
  <!-- The signer's Switchboard in the trust list, or ''. -->
  <xsl:param name="signature-switchboard" select="''"/>
  <!-- Why not verified: the finding's code, LERQ-V001..V005. -->
  <xsl:param name="signature-code" select="''"/>

  <xsl:template name="signature-check">
    <xsl:variable name="list-date">
      <xsl:call-template name="date"><xsl:with-param name="value" select="$signature-list-date"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$signature = 'verified'">
        <para>
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'signature.verified'"/>
            <xsl:with-param name="a1"><strong><xsl:call-template name="msg"><xsl:with-param name="id" select="'signature.verified.label'"/></xsl:call-template></strong></xsl:with-param>
            <xsl:with-param name="a2"><strong><xsl:value-of select="$signature-signer"/></strong></xsl:with-param>
            <xsl:with-param name="a3" select="$signature-owner"/>
            <xsl:with-param name="a4" select="$list-date"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="$signature-switchboard != ''">
              <xsl:call-template name="msg">
                <xsl:with-param name="id" select="'signature.call-back'"/>
                <xsl:with-param name="a1"><link href="tel:{$signature-switchboard}"><xsl:value-of select="$signature-switchboard"/></link></xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="msg"><xsl:with-param name="id" select="'signature.no-call-back'"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </para>
      </xsl:when>
      <xsl:when test="$signature = 'failed'">
        <para>
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'signature.failed'"/>
            <xsl:with-param name="a1"><strong><xsl:call-template name="msg"><xsl:with-param name="id" select="'signature.failed.label'"/></xsl:call-template></strong></xsl:with-param>
            <xsl:with-param name="a2">
              <xsl:call-template name="msg"><xsl:with-param name="id" select="concat('signature.reason.', $signature-code)"/></xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="a3" select="$signature-owner"/>
            <xsl:with-param name="a4" select="$list-date"/>
          </xsl:call-template>
        </para>
      </xsl:when>
      <xsl:when test="$signature = 'unsigned'">
        <para>
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'signature.unsigned'"/>
            <xsl:with-param name="a1"><strong><xsl:call-template name="msg"><xsl:with-param name="id" select="'signature.unsigned.label'"/></xsl:call-template></strong></xsl:with-param>
            <xsl:with-param name="a2" select="$signature-owner"/>
            <xsl:with-param name="a3" select="$list-date"/>
          </xsl:call-template>
        </para>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
