<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  Words, dates and addresses in the letter's language: the only place
  where the message catalogues (l10n/*.xml) are read. Included by
  letter.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1"
    xmlns:q="urn:lerq:xml:1"
    xmlns:l="urn:lerq:l10n:1"
    exclude-result-prefixes="q l">

  <!-- The letter's language, chosen by the library: a catalogue exists
       for it (unsupported languages fall back to en before this point). -->
  <xsl:param name="lang" select="'en'"/>

  <!-- Relative to this file: res:///l10n/... inside the library. -->
  <xsl:variable name="catalogue" select="document(concat('l10n/', $lang, '.xml'))/l:catalogue"/>
  <xsl:variable name="english" select="document('l10n/en.xml')/l:catalogue"/>

  <!-- Keys make a lookup cost the same however long the letter: a
       letter looks up a dozen messages per item requested. -->
  <xsl:key name="msg" match="l:msg" use="@id"/>
  <xsl:key name="country" match="l:country" use="@code"/>

  <!-- A message in the letter's language (English when the catalogue
       lacks it), with {1}..{5} replaced by a1..a5. An argument may be a
       string or a result tree fragment (such as a <code> element). -->
  <xsl:template name="msg">
    <xsl:param name="id"/>
    <xsl:param name="a1"/>
    <xsl:param name="a2"/>
    <xsl:param name="a3"/>
    <xsl:param name="a4"/>
    <xsl:param name="a5"/>
    <!-- key() looks in the document of the context node. -->
    <xsl:variable name="text">
      <xsl:for-each select="$catalogue">
        <xsl:value-of select="key('msg', $id)"/>
      </xsl:for-each>
      <xsl:if test="not($catalogue[key('msg', $id)])">
        <xsl:for-each select="$english">
          <xsl:value-of select="key('msg', $id)"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="string($text) = ''">
      <xsl:message terminate="yes">lerq: no message <xsl:value-of select="$id"/></xsl:message>
    </xsl:if>
    <xsl:call-template name="fill">
      <xsl:with-param name="s" select="string($text)"/>
      <xsl:with-param name="a1" select="$a1"/>
      <xsl:with-param name="a2" select="$a2"/>
      <xsl:with-param name="a3" select="$a3"/>
      <xsl:with-param name="a4" select="$a4"/>
      <xsl:with-param name="a5" select="$a5"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="fill">
    <xsl:param name="s"/>
    <xsl:param name="a1"/>
    <xsl:param name="a2"/>
    <xsl:param name="a3"/>
    <xsl:param name="a4"/>
    <xsl:param name="a5"/>
    <xsl:choose>
      <xsl:when test="contains($s, '{') and contains(substring-after($s, '{'), '}')">
        <xsl:variable name="n" select="substring-before(substring-after($s, '{'), '}')"/>
        <xsl:value-of select="substring-before($s, '{')"/>
        <xsl:choose>
          <xsl:when test="$n = '1'"><xsl:copy-of select="$a1"/></xsl:when>
          <xsl:when test="$n = '2'"><xsl:copy-of select="$a2"/></xsl:when>
          <xsl:when test="$n = '3'"><xsl:copy-of select="$a3"/></xsl:when>
          <xsl:when test="$n = '4'"><xsl:copy-of select="$a4"/></xsl:when>
          <xsl:when test="$n = '5'"><xsl:copy-of select="$a5"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('{', $n, '}')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="fill">
          <xsl:with-param name="s" select="substring-after(substring-after($s, '{'), '}')"/>
          <xsl:with-param name="a1" select="$a1"/>
          <xsl:with-param name="a2" select="$a2"/>
          <xsl:with-param name="a3" select="$a3"/>
          <xsl:with-param name="a4" select="$a4"/>
          <xsl:with-param name="a5" select="$a5"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label of an enumerated value: msg PREFIX.VALUE. -->
  <xsl:template name="enum">
    <xsl:param name="prefix"/>
    <xsl:param name="value"/>
    <xsl:call-template name="msg">
      <xsl:with-param name="id" select="concat($prefix, '.', normalize-space($value))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- True when V starts with YYYY-MM-DD: other years (more digits, or
       negative) are rare enough to be shown as written. -->
  <xsl:template name="is-plain-date">
    <xsl:param name="v"/>
    <xsl:if test="substring($v, 5, 1) = '-' and substring($v, 8, 1) = '-'
                  and translate(concat(substring($v, 1, 4), substring($v, 6, 2), substring($v, 9, 2)),
                                '0123456789', '') = ''
                  and string-length(substring($v, 1, 10)) = 10">yes</xsl:if>
  </xsl:template>

  <!-- An xs:date (or the date of an xs:dateTime), as the language writes
       it: "16 October 2026", "1er juillet 2026", "16. Oktober 2026". A
       date's own time zone, if any, is left out: it is a calendar date. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:variable name="plain">
      <xsl:call-template name="is-plain-date"><xsl:with-param name="v" select="$v"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$plain = 'yes'">
        <xsl:variable name="day" select="number(substring($v, 9, 2))"/>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'format.date'"/>
          <xsl:with-param name="a1">
            <xsl:choose>
              <xsl:when test="$day = 1">
                <xsl:call-template name="msg"><xsl:with-param name="id" select="'format.day-one'"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$day"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="a2">
            <xsl:call-template name="msg">
              <xsl:with-param name="id" select="concat('month.', number(substring($v, 6, 2)))"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="a3" select="substring($v, 1, 4)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The xs:date N days after the date that V starts with (YYYY-MM-DD),
       by the Julian day number: proleptic Gregorian, as XML Schema. -->
  <xsl:template name="add-days">
    <xsl:param name="v"/>
    <xsl:param name="n"/>
    <xsl:variable name="y" select="number(substring($v, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($v, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($v, 9, 2))"/>
    <xsl:variable name="a" select="floor((14 - $m) div 12)"/>
    <xsl:variable name="yy" select="$y + 4800 - $a"/>
    <xsl:variable name="mm" select="$m + 12 * $a - 3"/>
    <xsl:variable name="jdn" select="$d + floor((153 * $mm + 2) div 5) + 365 * $yy + floor($yy div 4)
                                     - floor($yy div 100) + floor($yy div 400) - 32045 + $n"/>
    <xsl:variable name="f" select="$jdn + 32044"/>
    <xsl:variable name="b" select="floor((4 * $f + 3) div 146097)"/>
    <xsl:variable name="c" select="$f - floor(146097 * $b div 4)"/>
    <xsl:variable name="dd" select="floor((4 * $c + 3) div 1461)"/>
    <xsl:variable name="e" select="$c - floor(1461 * $dd div 4)"/>
    <xsl:variable name="mo" select="floor((5 * $e + 2) div 153)"/>
    <xsl:variable name="day" select="$e - floor((153 * $mo + 2) div 5) + 1"/>
    <xsl:variable name="month" select="$mo + 3 - 12 * floor($mo div 10)"/>
    <xsl:variable name="year" select="100 * $b + $dd - 4800 + floor($mo div 10)"/>
    <xsl:value-of select="concat(format-number($year, '0000'), '-', format-number($month, '00'), '-',
                                 format-number($day, '00'))"/>
  </xsl:template>

  <!-- An xs:dateTime with its time zone, always explicit: "16 October
       2026, 10:42 (UTC+02:00)". Seconds are shown when they are not zero;
       nothing of the value is lost. -->
  <xsl:template name="datetime">
    <xsl:param name="value"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:variable name="plain">
      <xsl:call-template name="is-plain-date"><xsl:with-param name="v" select="$v"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="t" select="substring-after($v, 'T')"/>
    <xsl:variable name="zone">
      <xsl:choose>
        <xsl:when test="substring($t, string-length($t)) = 'Z'">Z</xsl:when>
        <xsl:when test="contains('+-', substring($t, string-length($t) - 5, 1))">
          <xsl:value-of select="substring($t, string-length($t) - 5)"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="clock" select="substring($t, 1, string-length($t) - string-length($zone))"/>
    <xsl:choose>
      <xsl:when test="$plain = 'yes' and string-length($clock) &gt;= 8 and $zone != ''">
        <xsl:variable name="seconds" select="substring($clock, 7)"/>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'format.datetime'"/>
          <xsl:with-param name="a1">
            <xsl:call-template name="date"><xsl:with-param name="value" select="$v"/></xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="a2">
            <xsl:call-template name="msg">
              <xsl:with-param name="id">
                <xsl:choose>
                  <xsl:when test="translate($seconds, '0.', '') = ''">format.time</xsl:when>
                  <xsl:otherwise>format.time-seconds</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="a1" select="substring($clock, 1, 2)"/>
              <xsl:with-param name="a2" select="substring($clock, 4, 2)"/>
              <xsl:with-param name="a3" select="$seconds"/>
              <xsl:with-param name="a4" select="number(substring($clock, 1, 2))"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="a3">
            <xsl:choose>
              <xsl:when test="$zone = 'Z' or $zone = '+00:00' or $zone = '-00:00'">
                <xsl:call-template name="msg"><xsl:with-param name="id" select="'format.zone-utc'"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="msg">
                  <xsl:with-param name="id" select="'format.zone-offset'"/>
                  <xsl:with-param name="a1" select="$zone"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A country's name in the letter's language, from its ISO code. -->
  <xsl:template name="country">
    <xsl:param name="code"/>
    <xsl:variable name="c" select="normalize-space($code)"/>
    <xsl:variable name="name">
      <xsl:for-each select="$catalogue">
        <xsl:value-of select="key('country', $c)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($name) != ''"><xsl:value-of select="$name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The lines of a postal address. Where the postal code goes depends
       on the country, not on the language: after the locality on its own
       line in Ireland and the United Kingdom, after it on the same line in
       North America and Australia, before it elsewhere. -->
  <xsl:template name="address-lines">
    <xsl:param name="address"/>
    <xsl:param name="with-country" select="true()"/>
    <xsl:variable name="country" select="normalize-space($address/q:Country)"/>
    <xsl:variable name="code" select="normalize-space($address/q:PostalCode)"/>
    <xsl:variable name="place" select="normalize-space($address/q:Locality)"/>
    <xsl:for-each select="$address/q:Line">
      <line><xsl:value-of select="normalize-space(.)"/></line>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="$code = ''">
        <line><xsl:value-of select="$place"/></line>
      </xsl:when>
      <xsl:when test="$country = 'GB' or $country = 'IE'">
        <line><xsl:value-of select="$place"/></line>
        <line><xsl:value-of select="$code"/></line>
      </xsl:when>
      <xsl:when test="$country = 'US' or $country = 'CA' or $country = 'AU'">
        <line><xsl:value-of select="concat($place, ' ', $code)"/></line>
      </xsl:when>
      <xsl:otherwise>
        <line><xsl:value-of select="concat($code, ' ', $place)"/></line>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$with-country">
      <line>
        <xsl:call-template name="country"><xsl:with-param name="code" select="$country"/></xsl:call-template>
      </line>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
