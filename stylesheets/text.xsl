<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  Stage 2, plain text: lays a letter model (doc/letter-model.md) out as
  UTF-8 text wrapped at 72 columns, for e-mail bodies and archives. It
  decides nothing about content: every word comes from the model.

  Lines are broken at spaces only. A word longer than the room left on
  its line (an IPv6 address, a URL, a checksum) starts a new line and is
  never cut: an identifier split in two could be misread. Columns are
  counted in characters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:lerq:letter:1"
    exclude-result-prefixes="m">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="width" select="72"/>
  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="spaces" select="'                                                                        '"/>
  <xsl:variable name="rule-heavy" select="'========================================================================'"/>
  <xsl:variable name="rule-light" select="'------------------------------------------------------------------------'"/>
  <!-- Labels wider than this put their value on the next line. -->
  <xsl:variable name="max-label" select="24"/>
  <!-- ":" in English, " :" in French. -->
  <xsl:variable name="suffix" select="string(/m:letter/@label-suffix)"/>

  <xsl:template match="/">
    <xsl:apply-templates select="m:letter"/>
  </xsl:template>

  <xsl:template match="m:letter">
    <xsl:apply-templates select="m:letterhead"/>
    <xsl:apply-templates select="m:notice"/>
    <xsl:apply-templates select="m:recipient"/>
    <xsl:apply-templates select="m:dateline"/>
    <xsl:apply-templates select="m:references"/>
    <xsl:apply-templates select="m:subject"/>
    <xsl:apply-templates select="m:salutation | m:para | m:section | m:closing | m:signature"/>
    <xsl:apply-templates select="m:footer"/>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Wrapping                                                        -->

  <!-- Writes TEXT (whitespace collapsed) as lines of at most $width
       characters: the first begins with FIRST, the others with INDENT. A
       word too long for the room after FIRST goes to a line of its own
       that begins with HANG, if it fits there. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="first" select="''"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="hang" select="$indent"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:variable name="room" select="$width - string-length($first)"/>
    <xsl:variable name="word" select="substring-before(concat($t, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="string-length($t) &lt;= $room">
        <xsl:value-of select="concat($first, $t, $nl)"/>
      </xsl:when>
      <xsl:when test="string-length($word) &lt;= $room">
        <xsl:variable name="cut">
          <xsl:call-template name="last-space">
            <xsl:with-param name="s" select="substring($t, 1, $room + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="concat($first, substring($t, 1, $cut - 1), $nl)"/>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="substring($t, $cut + 1)"/>
          <xsl:with-param name="first" select="$indent"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="hang" select="$hang"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="normalize-space($first) != '' and string-length($word) &lt;= $width - string-length($hang)">
        <xsl:call-template name="rtrim"><xsl:with-param name="s" select="$first"/></xsl:call-template>
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="$t"/>
          <xsl:with-param name="first" select="$hang"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="hang" select="$hang"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- Longer than any line: written whole. -->
        <xsl:value-of select="concat($first, $word, $nl)"/>
        <xsl:if test="contains($t, ' ')">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="substring-after($t, ' ')"/>
            <xsl:with-param name="first" select="$indent"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="hang" select="$hang"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="rtrim">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="substring($s, string-length($s)) = ' '">
        <xsl:call-template name="rtrim">
          <xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The position of the last space in S, or 0. -->
  <xsl:template name="last-space">
    <xsl:param name="s"/>
    <xsl:param name="offset" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:call-template name="last-space">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="offset" select="$offset + string-length(substring-before($s, ' ')) + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$offset"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pad">
    <xsl:param name="s"/>
    <xsl:param name="to"/>
    <xsl:value-of select="concat($s, substring($spaces, 1, $to - string-length($s)))"/>
  </xsl:template>

  <!-- The text of a value, cell or item, line by line: each <line> (or
       the whole inline content) wrapped, the first after FIRST. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="node"/>
    <xsl:param name="first"/>
    <xsl:param name="indent"/>
    <xsl:param name="hang" select="$indent"/>
    <xsl:choose>
      <xsl:when test="$node/m:line">
        <xsl:for-each select="$node/m:line">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text">
              <xsl:if test="@role = 'item'">- </xsl:if>
              <xsl:value-of select="."/>
            </xsl:with-param>
            <xsl:with-param name="first">
              <xsl:choose>
                <xsl:when test="position() = 1"><xsl:value-of select="$first"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$indent"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="indent">
              <xsl:value-of select="$indent"/>
              <xsl:if test="@role = 'item'"><xsl:text>  </xsl:text></xsl:if>
            </xsl:with-param>
            <xsl:with-param name="hang" select="$hang"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="$node"/>
          <xsl:with-param name="first" select="$first"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="hang" select="$hang"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Label/value pairs, the values aligned after the widest label. -->
  <xsl:template name="pairs">
    <xsl:param name="labels"/>
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="widest">
      <xsl:for-each select="$labels">
        <xsl:sort select="string-length(normalize-space(.))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(normalize-space(.))"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="number($widest) &lt;= $max-label">
        <xsl:value-of select="string-length($indent) + number($widest) + string-length($suffix) + 1"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="string-length($indent) + $max-label + string-length($suffix) + 1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pair">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="column"/>
    <xsl:variable name="head" select="concat($indent, normalize-space($label), $suffix)"/>
    <xsl:variable name="pad" select="substring($spaces, 1, $column)"/>
    <xsl:choose>
      <xsl:when test="string-length($head) &lt; $column">
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="node" select="$value"/>
          <xsl:with-param name="first">
            <xsl:call-template name="pad">
              <xsl:with-param name="s" select="$head"/>
              <xsl:with-param name="to" select="$column"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="indent" select="$pad"/>
          <xsl:with-param name="hang" select="concat($indent, '  ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="$head"/>
          <xsl:with-param name="first" select="$indent"/>
          <xsl:with-param name="indent" select="concat($indent, '  ')"/>
        </xsl:call-template>
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="node" select="$value"/>
          <xsl:with-param name="first" select="$pad"/>
          <xsl:with-param name="indent" select="$pad"/>
          <xsl:with-param name="hang" select="concat($indent, '  ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Letterhead, address, references                                 -->

  <xsl:template match="m:letterhead">
    <xsl:for-each select="m:above/m:line | m:name | m:unit">
      <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="m:address">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text">
          <xsl:for-each select="m:address/m:line">
            <xsl:if test="position() &gt; 1"> · </xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="m:contact">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text">
          <xsl:for-each select="m:contact">
            <xsl:if test="position() &gt; 1"> · </xsl:if>
            <!-- No-break spaces keep each label with its value. -->
            <xsl:value-of select="concat(translate(@label, ' ', '&#160;'), $suffix, '&#160;', .)"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:value-of select="concat($rule-heavy, $nl)"/>
  </xsl:template>

  <xsl:template match="m:notice">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="."/>
      <xsl:with-param name="first" select="'*** '"/>
      <xsl:with-param name="indent" select="'    '"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:recipient">
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="m:line">
      <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:dateline">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:value-of select="$nl"/>
    <xsl:choose>
      <xsl:when test="string-length($t) &lt; $width">
        <xsl:value-of select="concat(substring($spaces, 1, $width - string-length($t)), $t, $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap"><xsl:with-param name="text" select="$t"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:references | m:fields">
    <xsl:variable name="column">
      <xsl:call-template name="pairs"><xsl:with-param name="labels" select="m:field/m:label"/></xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="m:field">
      <xsl:call-template name="pair">
        <xsl:with-param name="label" select="m:label"/>
        <xsl:with-param name="value" select="m:value"/>
        <xsl:with-param name="column" select="number($column)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:subject">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Body                                                            -->

  <xsl:template match="m:salutation | m:para | m:closing">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>

  <!-- Sections are numbered in order, by every layout. -->
  <xsl:template match="m:section">
    <xsl:variable name="title"
        select="concat(count(preceding-sibling::m:section) + 1, '. ', normalize-space(m:heading))"/>
    <xsl:value-of select="$nl"/>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap"><xsl:with-param name="text" select="$title"/></xsl:call-template>
    <xsl:value-of select="concat(substring($rule-light, 1, string-length($title)), $nl)"/>
    <xsl:apply-templates select="*[not(self::m:heading)]"/>
  </xsl:template>

  <xsl:template match="m:subheading">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="m:list">
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="m:item">
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="node" select="."/>
        <xsl:with-param name="first" select="'  - '"/>
        <xsl:with-param name="indent" select="'    '"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A table becomes one block per row: the first cell as its title,
       then each other cell and note under its column's label. -->
  <xsl:template match="m:table">
    <xsl:variable name="columns" select="m:columns/m:column"/>
    <xsl:variable name="column">
      <xsl:call-template name="pairs">
        <xsl:with-param name="labels" select="$columns[position() &gt; 1] | m:row/m:note/@label"/>
        <xsl:with-param name="indent" select="'    '"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:for-each select="m:row">
      <xsl:value-of select="$nl"/>
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="node" select="m:cell[1]"/>
        <xsl:with-param name="first" select="'  '"/>
        <xsl:with-param name="indent" select="'  '"/>
      </xsl:call-template>
      <xsl:for-each select="m:cell[position() &gt; 1]">
        <xsl:variable name="n" select="count(preceding-sibling::m:cell) + 1"/>
        <xsl:call-template name="pair">
          <xsl:with-param name="label" select="$columns[$n]"/>
          <xsl:with-param name="value" select="."/>
          <xsl:with-param name="indent" select="'    '"/>
          <xsl:with-param name="column" select="number($column)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="m:note">
        <xsl:call-template name="pair">
          <xsl:with-param name="label" select="@label"/>
          <xsl:with-param name="value" select="."/>
          <xsl:with-param name="indent" select="'    '"/>
          <xsl:with-param name="column" select="number($column)"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:signature">
    <xsl:value-of select="concat($nl, $nl, $nl)"/>
    <xsl:for-each select="*">
      <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:footer">
    <xsl:value-of select="concat($nl, $rule-light, $nl)"/>
    <xsl:for-each select="m:line">
      <xsl:call-template name="wrap"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Model elements this layout does not know are left out. -->
  <xsl:template match="m:*"/>

</xsl:stylesheet>
