<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  Stage 2, HTML: lays a letter model (doc/letter-model.md) out as one
  self-contained HTML page, print-ready on A4. It decides nothing about
  content: every word comes from the model.

  Safety: this stylesheet is lerq's own and a letterhead cannot override
  it. Text is written as text nodes, which the HTML serialiser escapes;
  nothing here disables output escaping. The only values that reach CSS or
  URLs are checked first: colours must be #rgb or #rrggbb, the logo must be
  a base64 data URI of an image, links must be http(s), mailto or tel, and
  strings placed in CSS lose their quotes, backslashes and angle brackets.
  Nothing is fetched: no external style sheet, font or image.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:lerq:letter:1"
    exclude-result-prefixes="m">

  <!-- about:legacy-compat is the HTML5 doctype for XSLT serialisers: it
       keeps browsers out of quirks mode. -->
  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="default-colour" select="'#1f3a5f'"/>
  <xsl:variable name="style" select="/m:letter/m:style"/>

  <xsl:variable name="colour">
    <xsl:variable name="c" select="normalize-space($style/@colour)"/>
    <xsl:choose>
      <xsl:when test="starts-with($c, '#') and (string-length($c) = 4 or string-length($c) = 7)
                      and translate(substring($c, 2), '0123456789abcdefABCDEF', '') = ''">
        <xsl:value-of select="$c"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$default-colour"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="font">
    <xsl:choose>
      <xsl:when test="normalize-space($style/@font) = 'sans'">sans</xsl:when>
      <xsl:otherwise>serif</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="layout">
    <xsl:choose>
      <xsl:when test="normalize-space($style/@layout) = 'centre'">centre</xsl:when>
      <xsl:when test="normalize-space($style/@layout) = 'split'">split</xsl:when>
      <xsl:otherwise>left</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:apply-templates select="m:letter"/>
  </xsl:template>

  <xsl:template match="m:letter">
    <xsl:variable name="lang" select="normalize-space(@lang)"/>
    <html>
      <xsl:if test="$lang != '' and translate($lang, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-', '') = ''">
        <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      </xsl:if>
      <head>
        <title><xsl:value-of select="m:meta/@title"/></title>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <style><xsl:call-template name="css"/></style>
      </head>
      <body class="font-{$font}">
        <div class="sheet">
          <xsl:apply-templates select="m:letterhead"/>
          <xsl:apply-templates select="m:notice"/>
          <div class="address-row">
            <xsl:apply-templates select="m:recipient"/>
            <xsl:apply-templates select="m:references"/>
          </div>
          <xsl:apply-templates select="m:dateline"/>
          <xsl:apply-templates select="m:subject"/>
          <xsl:apply-templates select="m:salutation | m:para | m:section | m:closing | m:signature"/>
          <xsl:apply-templates select="m:footer" mode="screen"/>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Letterhead, address, references                                 -->

  <xsl:template match="m:letterhead">
    <header class="letterhead layout-{$layout}">
      <div class="lh-brand">
        <xsl:apply-templates select="m:logo[1]"/>
        <div class="lh-names">
          <xsl:for-each select="m:above/m:line">
            <div class="lh-above"><xsl:apply-templates/></div>
          </xsl:for-each>
          <div class="lh-name"><xsl:apply-templates select="m:name/node()"/></div>
          <xsl:if test="m:unit">
            <div class="lh-unit"><xsl:apply-templates select="m:unit/node()"/></div>
          </xsl:if>
        </div>
      </div>
      <xsl:if test="m:address or m:contact">
        <div class="lh-details">
          <xsl:if test="m:address">
            <div class="lh-address">
              <xsl:for-each select="m:address/m:line">
                <span class="lh-part"><xsl:apply-templates/></span>
              </xsl:for-each>
            </div>
          </xsl:if>
          <xsl:if test="m:contact">
            <div class="lh-contacts">
              <xsl:for-each select="m:contact">
                <span class="lh-part">
                  <span class="lh-label"><xsl:value-of select="@label"/></span>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="link">
                    <xsl:with-param name="href" select="@href"/>
                  </xsl:call-template>
                </span>
              </xsl:for-each>
            </div>
          </xsl:if>
        </div>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- Only embedded images: a data URI whose payload is base64, so that
       opening the letter fetches nothing. -->
  <xsl:template match="m:logo">
    <xsl:variable name="src" select="normalize-space(@src)"/>
    <xsl:variable name="payload" select="substring-after($src, ';base64,')"/>
    <xsl:variable name="type" select="substring-before($src, ';base64,')"/>
    <xsl:variable name="height">
      <xsl:choose>
        <xsl:when test="number(@height) &gt;= 5 and number(@height) &lt;= 60">
          <xsl:value-of select="number(@height)"/>
        </xsl:when>
        <xsl:otherwise>18</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="($type = 'data:image/png' or $type = 'data:image/jpeg'
                   or $type = 'data:image/gif' or $type = 'data:image/svg+xml')
                  and $payload != ''
                  and translate($payload, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= ', '') = ''">
      <img class="lh-logo" src="{concat($type, ';base64,', translate($payload, ' ', ''))}"
           alt="{@alt}" style="height: {$height}mm"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:notice">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@level = 'emergency'">emergency</xsl:when>
        <xsl:otherwise>urgent</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="notice notice-{$level}" role="alert"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="m:recipient">
    <div class="recipient">
      <xsl:for-each select="m:line">
        <div>
          <xsl:call-template name="line-class"/>
          <xsl:apply-templates/>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="m:references">
    <table class="references">
      <xsl:for-each select="m:field">
        <tr>
          <th scope="row"><xsl:apply-templates select="m:label/node()"/></th>
          <td><xsl:apply-templates select="m:value" mode="lines"/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template match="m:dateline">
    <p class="dateline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="m:subject">
    <h1 class="subject"><xsl:apply-templates/></h1>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Body                                                            -->

  <xsl:template match="m:salutation">
    <p class="salutation"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="m:para">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Sections are numbered in order, by every layout. -->
  <xsl:template match="m:section">
    <section class="section">
      <xsl:if test="@id">
        <xsl:attribute name="id"><xsl:value-of select="concat('s-', translate(@id, ' &quot;&lt;&gt;', ''))"/></xsl:attribute>
      </xsl:if>
      <h2>
        <span class="number"><xsl:value-of select="count(preceding-sibling::m:section) + 1"/>.</span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="m:heading/node()"/>
      </h2>
      <xsl:apply-templates select="*[not(self::m:heading)]"/>
    </section>
  </xsl:template>

  <xsl:template match="m:subheading">
    <h3><xsl:apply-templates/></h3>
  </xsl:template>

  <xsl:template match="m:list">
    <ul>
      <xsl:for-each select="m:item">
        <li><xsl:apply-templates select="." mode="lines"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="m:fields">
    <table class="fields">
      <xsl:for-each select="m:field">
        <tr>
          <th scope="row"><xsl:apply-templates select="m:label/node()"/></th>
          <td><xsl:apply-templates select="m:value" mode="lines"/></td>
        </tr>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template match="m:table">
    <xsl:variable name="columns" select="count(m:columns/m:column)"/>
    <table class="data">
      <colgroup>
        <xsl:for-each select="m:columns/m:column">
          <col>
            <xsl:if test="number(@width) &gt; 0 and number(@width) &lt;= 100">
              <xsl:attribute name="style">width: <xsl:value-of select="number(@width)"/>%</xsl:attribute>
            </xsl:if>
          </col>
        </xsl:for-each>
      </colgroup>
      <thead>
        <tr>
          <xsl:for-each select="m:columns/m:column">
            <th scope="col"><xsl:apply-templates/></th>
          </xsl:for-each>
        </tr>
      </thead>
      <xsl:for-each select="m:row">
        <!-- One tbody per row keeps a row and its note on one page. -->
        <tbody>
          <tr>
            <xsl:for-each select="m:cell">
              <td><xsl:apply-templates select="." mode="lines"/></td>
            </xsl:for-each>
          </tr>
          <xsl:for-each select="m:note">
            <tr class="note">
              <td colspan="{$columns}">
                <span class="note-label"><xsl:value-of select="@label"/></span>
                <xsl:value-of select="concat(/m:letter/@label-suffix, ' ')"/>
                <xsl:apply-templates/>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:for-each>
    </table>
  </xsl:template>

  <xsl:template match="m:closing">
    <p class="closing"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="m:signature">
    <div class="signature">
      <xsl:for-each select="m:name">
        <div class="sig-name"><xsl:apply-templates/></div>
      </xsl:for-each>
      <xsl:for-each select="m:role">
        <div class="sig-role"><xsl:apply-templates/></div>
      </xsl:for-each>
      <xsl:for-each select="m:organisation">
        <div class="sig-organisation"><xsl:apply-templates/></div>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- On screen the footer closes the sheet; in print, the page margin
       boxes carry it on every page (see the CSS). -->
  <xsl:template match="m:footer" mode="screen">
    <footer class="footer">
      <xsl:for-each select="m:line">
        <div><xsl:apply-templates/></div>
      </xsl:for-each>
    </footer>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Text blocks and inline content                                  -->

  <!-- A value, cell or item: inline content, or one <line> after
       another. -->
  <xsl:template match="*" mode="lines">
    <xsl:choose>
      <xsl:when test="m:line">
        <xsl:for-each select="m:line">
          <div>
            <xsl:call-template name="line-class"/>
            <xsl:apply-templates/>
          </div>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="line-class">
    <xsl:choose>
      <xsl:when test="@role = 'detail'"><xsl:attribute name="class">detail</xsl:attribute></xsl:when>
      <xsl:when test="@role = 'item'"><xsl:attribute name="class">item</xsl:attribute></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:strong">
    <strong><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="m:code">
    <code>
      <!-- A short identifier without separators is never broken (a break
           after one of its hyphens could not be told from none); a table
           column widens for it. -->
      <xsl:if test="string-length(.) &lt;= 40 and translate(., ':/.@', '') = string(.)"><xsl:attribute name="class">whole</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="string-length(.) &lt;= 200 and translate(., ':/.@', '') != string(.)">
          <xsl:call-template name="breakable">
            <xsl:with-param name="s" select="string(.)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </code>
  </xsl:template>

  <!-- Identifiers break after their separators (an IPv6 address after a
       colon, a reference after a slash) rather than anywhere: each piece
       is an inline block, so that a line may end between pieces, and
       copying the identifier copies no extra character. (<wbr> would do,
       but libxml2's HTML serialiser writes it with an end tag.) Long
       strings are left to the CSS. -->
  <xsl:template name="breakable">
    <xsl:param name="s"/>
    <xsl:variable name="marked" select="translate($s, ':/.@', '&#xE000;&#xE000;&#xE000;&#xE000;')"/>
    <xsl:choose>
      <xsl:when test="contains($marked, '&#xE000;') and string-length($s) &lt;= 200">
        <xsl:variable name="n" select="string-length(substring-before($marked, '&#xE000;')) + 1"/>
        <span class="piece"><xsl:value-of select="substring($s, 1, $n)"/></span>
        <xsl:call-template name="breakable">
          <xsl:with-param name="s" select="substring($s, $n + 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$s != ''">
        <span class="piece"><xsl:value-of select="$s"/></span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:link">
    <xsl:call-template name="link">
      <xsl:with-param name="href" select="@href"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A link only for the schemes a letter needs; otherwise the text. -->
  <xsl:template name="link">
    <xsl:param name="href"/>
    <xsl:variable name="h" select="normalize-space($href)"/>
    <xsl:variable name="scheme"
        select="translate(substring-before($h, ':'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$scheme = 'https' or $scheme = 'http' or $scheme = 'mailto' or $scheme = 'tel'">
        <a href="{$h}">
          <xsl:choose>
            <!-- An address or URL alone breaks like an identifier. -->
            <xsl:when test="not(*) and string-length(.) &lt;= 200 and not(contains(normalize-space(.), ' '))">
              <xsl:call-template name="breakable">
                <xsl:with-param name="s" select="normalize-space(.)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Model elements this layout does not know are left out, never
       guessed at. -->
  <xsl:template match="m:*"/>

  <!-- ============================================================== -->
  <!-- CSS                                                             -->

  <!-- A CSS string from model text: quotes, backslashes, angle brackets
       and line ends removed, so it can neither end the string nor the
       <style> element. -->
  <xsl:template name="css-string">
    <xsl:param name="s"/>
    <xsl:value-of select="concat('&quot;', translate(normalize-space($s), '&quot;\&lt;&gt;', ''), '&quot;')"/>
  </xsl:template>

  <!-- "Page {1} of {2}" becomes "Page " counter(page) " of " counter(pages). -->
  <xsl:template name="page-counter">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '{1}')">
        <xsl:call-template name="page-counter">
          <xsl:with-param name="s" select="substring-before($s, '{1}')"/>
        </xsl:call-template>
        <xsl:text>" counter(page) "</xsl:text>
        <xsl:call-template name="page-counter">
          <xsl:with-param name="s" select="substring-after($s, '{1}')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($s, '{2}')">
        <xsl:value-of select="substring-before($s, '{2}')"/>
        <xsl:text>" counter(pages) "</xsl:text>
        <xsl:value-of select="substring-after($s, '{2}')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css">
    <xsl:variable name="footer" select="/m:letter/m:footer"/>
    <xsl:text>
:root { --accent: </xsl:text><xsl:value-of select="$colour"/><xsl:text>; }
@page {
  size: A4;
  margin: 18mm 18mm 22mm 22mm;
  @bottom-left {
    content: </xsl:text>
    <xsl:call-template name="css-string">
      <xsl:with-param name="s">
        <xsl:for-each select="$footer/m:line">
          <xsl:if test="position() &gt; 1"> · </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>;
    font: 7.5pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
    color: #555;
    vertical-align: top;
    padding-top: 4mm;
  }
  @bottom-right {
    content: </xsl:text>
    <xsl:variable name="page">
      <xsl:call-template name="css-string">
        <xsl:with-param name="s" select="$footer/@page-format"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="page-counter">
      <xsl:with-param name="s" select="string($page)"/>
    </xsl:call-template>
    <xsl:text>;
    font: 7.5pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
    color: #555;
    vertical-align: top;
    padding-top: 4mm;
    white-space: nowrap;
  }
  @top-right {
    content: </xsl:text>
    <xsl:call-template name="css-string">
      <xsl:with-param name="s" select="string($footer/@continued)"/>
    </xsl:call-template>
    <xsl:text>;
    font: 7.5pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
    color: #555;
    vertical-align: bottom;
    padding-bottom: 4mm;
  }
}
/* The first page has the letterhead: "continued" is for the others. */
@page :first {
  @top-right { content: none; }
}
* { box-sizing: border-box; }
html { background: #d5d9df; }
body { margin: 0; color: #1a1a1a; font-size: 10.5pt; line-height: 1.42; hyphens: manual; -webkit-hyphens: manual; }
/* Latin first, then families that have the scripts Latin fonts lack
   (Arabic; Chinese, Japanese and Korean on Linux, macOS and Windows), so
   that a name in any script shows, not as empty boxes. */
body.font-serif { font-family: "Source Serif 4", "Source Serif Pro", Charter, "Bitstream Charter", "DejaVu Serif", Georgia, "Times New Roman", "Noto Serif", "Noto Naskh Arabic", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Serif SC", "Songti SC", "PingFang SC", "Hiragino Mincho ProN", "Microsoft YaHei", "Yu Mincho", "Malgun Gothic", SimSun, serif; }
body.font-sans { font-family: "Source Sans 3", "Source Sans Pro", "Liberation Sans", "DejaVu Sans", Arial, Helvetica, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "PingFang SC", "Hiragino Sans", "Microsoft YaHei", "Yu Gothic", "Malgun Gothic", sans-serif; }
.sheet { width: 210mm; min-height: 297mm; margin: 10mm auto; padding: 16mm 18mm 14mm 22mm;
  background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .25); display: flex; flex-direction: column; }
a { color: inherit; text-decoration: none; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono", "WenQuanYi Zen Hei", "Microsoft YaHei", monospace; font-size: .9em; overflow-wrap: anywhere; }
/* An identifier breaks only between its pieces (after : / . @), or not
   at all when it is short and has none: never after one of its own
   hyphens. Only a long one without separators (a checksum) breaks
   anywhere. None of these breaks adds a character. */
.piece { display: inline-block; white-space: nowrap; }
code.whole { white-space: nowrap; }

.letterhead { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm;
  padding-bottom: 4mm; border-bottom: 2px solid var(--accent); margin-bottom: 9mm; }
.lh-brand { display: flex; align-items: center; gap: 5mm; }
.lh-logo { display: block; width: auto; }
.lh-above { font-size: 8.5pt; letter-spacing: .06em; text-transform: uppercase; color: #444; }
.lh-name { font-size: 15pt; line-height: 1.2; font-weight: bold; color: var(--accent); }
.lh-unit { font-size: 10.5pt; color: #333; margin-top: .5mm; }
.lh-details { font-size: 8.5pt; line-height: 1.45; color: #333; }
.lh-label { color: #666; }
.layout-left, .layout-centre { flex-direction: column; gap: 2.5mm; }
.layout-centre { align-items: center; text-align: center; }
.layout-centre .lh-brand { flex-direction: column; gap: 2mm; }
.layout-left .lh-part + .lh-part::before, .layout-centre .lh-part + .lh-part::before { content: " · "; color: #999; }
.layout-split .lh-details { text-align: right; flex: none; max-width: 62mm; }
.layout-split .lh-part { display: block; }
.layout-split .lh-contacts { margin-top: 1.5mm; }

.notice { margin: 0 0 7mm; padding: 2.5mm 4mm; font-weight: bold; border-left: 4px solid; }
.notice-urgent { color: #7a4b00; border-color: #d48a00; background: #fff6e0; }
.notice-emergency { color: #8b0000; border-color: #c00000; background: #ffecec; }

.address-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; margin-bottom: 8mm; }
.recipient { flex: 1 1 84mm; min-height: 30mm; }
.recipient .detail { margin-top: 2mm; }
.references { flex: 0 1 86mm; margin-left: auto; border-collapse: collapse; font-size: 8.5pt; }
.references th { text-align: left; font-weight: normal; color: #555; padding: 0 3mm .6mm 0; vertical-align: top; white-space: nowrap; }
.references td { padding: 0 0 .6mm; vertical-align: top; }
.dateline { text-align: right; margin: 0 0 5mm; }
.subject { font-size: 11.5pt; line-height: 1.35; margin: 0 0 5mm; color: #111; }
.subject code { font-family: inherit; font-size: inherit; white-space: nowrap; }
p { margin: 0 0 3mm; }
.salutation { margin-top: 1mm; }

.section { margin-top: 5mm; }
h2 { font-size: 11pt; margin: 0 0 2mm; color: var(--accent); break-after: avoid; page-break-after: avoid; }
h2 .number { display: inline-block; min-width: 6mm; }
h3 { font-size: 10.5pt; margin: 3mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1.2mm; }
.detail { color: #555; font-size: .9em; }
.item { padding-left: 3.5mm; text-indent: -3.5mm; }
.item::before { content: "•"; display: inline-block; width: 3.5mm; text-indent: 0; color: #777; }

table.fields { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
table.fields th { text-align: left; vertical-align: top; font-weight: normal; color: #555; width: 32%; padding: .8mm 4mm .8mm 0; }
table.fields td { vertical-align: top; padding: .8mm 0; }
table.data { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9.5pt; line-height: 1.35; }
table.data th { text-align: left; font-weight: bold; color: var(--accent); border-bottom: 1.5px solid var(--accent); padding: 1.2mm 2mm; vertical-align: bottom; }
table.data td { vertical-align: top; padding: 1.5mm 2mm; border-top: .5px solid #c8ccd2; overflow-wrap: break-word; }
table.data tbody { break-inside: avoid; page-break-inside: avoid; }
table.data tr.note td { border-top: none; padding-top: 0; color: #333; font-size: .95em; }
.note-label { font-style: italic; color: #555; }
thead { display: table-header-group; }

.closing { margin-top: 6mm; break-after: avoid; page-break-after: avoid; }
.signature { margin-top: 16mm; break-inside: avoid; page-break-inside: avoid; }
.sig-name { font-weight: bold; }
.sig-role, .sig-organisation { color: #333; }
.footer { margin-top: auto; padding-top: 10mm; font-size: 7.5pt; color: #555; text-align: center; }
.footer div { border-top: 0; }
.footer div:first-child { border-top: .5px solid #c8ccd2; padding-top: 2mm; }

@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; display: block; }
  .footer { display: none; }
  a { color: inherit; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
