<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  Stage 2, plain text: lays a letter model (doc/letter-model.md) out as
  UTF-8 text wrapped at 72 columns, for e-mail bodies and archives. It
  decides nothing about content: every word comes from the model.

  This stylesheet writes a plan, not the text: each paragraph is a
  <t:p> with the strings its lines begin with and the model's inline
  content (or its <line>s) copied in, and text between paragraphs is
  written as it is. lib/letter/wrap.c breaks the paragraphs into lines
  in one linear pass, by Unicode line breaking (UAX #14) and display
  columns: a Chinese character takes two columns, Chinese text breaks
  between characters, Latin words and identifiers are never cut (a word
  longer than a line is written whole).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:lerq:letter:1"
    xmlns:t="urn:lerq:text:1"
    exclude-result-prefixes="m">

  <xsl:output method="xml" encoding="UTF-8"/>
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
    <t:text><xsl:apply-templates select="m:letter"/></t:text>
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

  <!-- A paragraph: TEXT (a string), or the inline content of NODE after
       LEAD, as lines of at most $width columns: the first begins with
       FIRST, the others with INDENT. A word too long for the room after
       FIRST goes to a line of its own that begins with HANG, if it fits
       there. ALIGN 'right' sets a one-line paragraph flush right; RULE
       underlines it. lib/letter/wrap.c makes the lines. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="node" select="/.."/>
    <xsl:param name="lead" select="''"/>
    <xsl:param name="first" select="''"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="hang" select="$indent"/>
    <xsl:param name="align"/>
    <xsl:param name="rule"/>
    <t:p first="{$first}" indent="{$indent}" hang="{$hang}">
      <xsl:if test="$align"><xsl:attribute name="align"><xsl:value-of select="$align"/></xsl:attribute></xsl:if>
      <xsl:if test="$rule"><xsl:attribute name="rule"><xsl:value-of select="$rule"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$lead"/>
      <xsl:choose>
        <xsl:when test="$node"><xsl:copy-of select="$node/node()"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </t:p>
  </xsl:template>

  <!-- The text of a value, cell or item, line by line: each <line> (or
       the whole inline content) wrapped, the first after FIRST. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="node"/>
    <xsl:param name="first"/>
    <xsl:param name="indent"/>
    <xsl:param name="hang" select="$indent"/>
    <t:p first="{$first}" indent="{$indent}" hang="{$hang}"><xsl:copy-of select="$node/node()"/></t:p>
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
          <xsl:with-param name="first"
              select="concat($head, substring($spaces, 1, $column - string-length($head)))"/>
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
      <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
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
      <xsl:with-param name="node" select="."/>
      <xsl:with-param name="first" select="'*** '"/>
      <xsl:with-param name="indent" select="'    '"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:recipient">
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="m:line">
      <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:dateline">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="node" select="."/>
      <xsl:with-param name="align" select="'right'"/>
    </xsl:call-template>
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
    <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Body                                                            -->

  <xsl:template match="m:salutation | m:para | m:closing">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
  </xsl:template>

  <!-- Sections are numbered in order, by every layout. -->
  <xsl:template match="m:section">
    <xsl:variable name="title"
        select="concat(count(preceding-sibling::m:section) + 1, '. ', normalize-space(m:heading))"/>
    <xsl:value-of select="$nl"/>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="$title"/>
      <xsl:with-param name="rule" select="'-'"/>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::m:heading)]"/>
  </xsl:template>

  <xsl:template match="m:subheading">
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
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
    <xsl:variable name="widest">
      <xsl:call-template name="pairs">
        <xsl:with-param name="labels" select="$columns[position() &gt; 1] | m:row/m:note/@label"/>
        <xsl:with-param name="indent" select="'    '"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="column" select="number($widest)"/>
    <xsl:variable name="pad" select="substring($spaces, 1, $column)"/>
    <!-- Written out rather than through "pair" and "wrap": this runs for
         every line of every cell, and a table may have 100,000 rows. -->
    <xsl:for-each select="m:row">
      <xsl:value-of select="$nl"/>
      <t:p first="  " indent="  "><xsl:copy-of select="m:cell[1]/node()"/></t:p>
      <xsl:for-each select="m:cell[position() &gt; 1] | m:note">
        <xsl:variable name="label"
            select="concat(@label, $columns[count(current()/preceding-sibling::m:cell) + 1][current()/self::m:cell])"/>
        <xsl:variable name="head" select="concat('    ', normalize-space($label), $suffix)"/>
        <xsl:choose>
          <xsl:when test="string-length($head) &lt; $column">
            <t:p first="{$head}{substring($spaces, 1, $column - string-length($head))}"
                 indent="{$pad}" hang="      "><xsl:copy-of select="node()"/></t:p>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="pair">
              <xsl:with-param name="label" select="$label"/>
              <xsl:with-param name="value" select="."/>
              <xsl:with-param name="indent" select="'    '"/>
              <xsl:with-param name="column" select="$column"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:signature">
    <xsl:value-of select="concat($nl, $nl, $nl)"/>
    <xsl:for-each select="*">
      <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:footer">
    <xsl:value-of select="concat($nl, $rule-light, $nl)"/>
    <xsl:for-each select="m:line">
      <xsl:call-template name="wrap"><xsl:with-param name="node" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Model elements this layout does not know are left out. -->
  <xsl:template match="m:*"/>

</xsl:stylesheet>
