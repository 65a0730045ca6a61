<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  Stage 1 of every lerq letter: a valid Request or Response becomes a
  letter model (namespace urn:lerq:letter:1, described in
  doc/letter-model.md). Everything the letter says is decided here: which
  fields appear, in which order, in which words, with dates written out.
  The layouts (html.xsl, text.xsl, the PDF typesetter) only lay the model
  out, so every format says the same.

  A letterhead is a stylesheet that imports this one as
  res:///letter.xsl and overrides the variables and named templates of the
  "Letterhead hooks" below (doc/letterhead.md). They run with the
  document's root element (Request or Response) as the context node.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1"
    xmlns:q="urn:lerq:xml:1"
    exclude-result-prefixes="q">

  <xsl:include href="letter-l10n.xsl"/>

  <!-- The request a response answers, when the caller gives it
       (lerq_render_response_memory()): the URL of a document the
       transform holds. Empty otherwise. -->
  <xsl:param name="request-uri" select="''"/>
  <xsl:include href="letter-request.xsl"/>
  <xsl:include href="letter-response.xsl"/>
  <xsl:include href="letter-signature.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <!-- ============================================================== -->
  <!-- Letterhead hooks                                                -->

  <!-- Whose letters the letterhead is for: 'requests' (an authority's),
       'responses' (a provider's) or 'both'. A letterhead that does not
       say is taken to be an authority's, for requests: a provider's
       response on a ministry's letterhead is refused (issue 14). -->
  <xsl:variable name="letterhead-for" select="''"/>

  <!-- The colour of names, headings and rules: #rgb or #rrggbb. -->
  <xsl:variable name="letterhead-colour" select="'#1f3a5f'"/>
  <!-- The typeface family of the whole letter: serif or sans. -->
  <xsl:variable name="letterhead-font" select="'serif'"/>
  <!-- left: everything on the left; centre: centred; split: name and
       logo on the left, address and contact numbers on the right. -->
  <xsl:variable name="letterhead-layout" select="'left'"/>

  <!-- At most one <logo src="data:image/png;base64,..." alt="..."
       height="18"/>: an embedded PNG (or JPEG, or SVG for HTML), height in
       millimetres. Nothing by default. -->
  <xsl:template name="letterhead-logo"/>

  <!-- <line> elements printed above the agency's name, such as the name
       of a ministry. Nothing by default. -->
  <xsl:template name="letterhead-above"/>

  <!-- <line> elements added to the footer of every page. Nothing by
       default. -->
  <xsl:template name="letterhead-footer"/>

  <!-- ============================================================== -->

  <!-- True when an agency's letterhead (not lerq's own) is in use. -->
  <xsl:param name="with-letterhead" select="false()"/>

  <xsl:template match="/">
    <xsl:variable name="for">
      <xsl:choose>
        <xsl:when test="$letterhead-for != ''"><xsl:value-of select="$letterhead-for"/></xsl:when>
        <xsl:when test="$with-letterhead">requests</xsl:when>
        <xsl:otherwise>both</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="(q:Request and $for = 'responses') or (q:Response and $for = 'requests')">
      <xsl:message terminate="yes">
        <xsl:text>this letterhead is for </xsl:text>
        <xsl:value-of select="$for"/>
        <xsl:text> (its variable letterhead-for</xsl:text>
        <xsl:if test="$letterhead-for = ''">, which it does not set, is taken to be 'requests'</xsl:if>
        <xsl:text>): it is not used for a </xsl:text>
        <xsl:choose>
          <xsl:when test="q:Request">request</xsl:when>
          <xsl:otherwise>provider's response</xsl:otherwise>
        </xsl:choose>
        <xsl:text>; render it without --letterhead, or with a letterhead for its writer</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:if test="not($for = 'requests' or $for = 'responses' or $for = 'both')">
      <xsl:message terminate="yes">the letterhead's letterhead-for is neither 'requests', 'responses' nor 'both'</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="q:Request | q:Response"/>
  </xsl:template>

  <!-- Attributes of <letter> that every letter has. -->
  <xsl:template name="letter-attributes">
    <xsl:attribute name="label-suffix">
      <xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.label-suffix'"/></xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="style">
    <style colour="{$letterhead-colour}" font="{$letterhead-font}" layout="{$letterhead-layout}"/>
  </xsl:template>

  <!-- The letterhead block: hooks first, then what the document says. -->
  <xsl:template name="letterhead">
    <xsl:param name="name"/>
    <xsl:param name="unit"/>
    <xsl:param name="address"/>
    <xsl:param name="switchboard"/>
    <xsl:param name="website"/>
    <xsl:param name="phone"/>
    <xsl:param name="email"/>
    <letterhead>
      <xsl:call-template name="letterhead-logo"/>
      <above><xsl:call-template name="letterhead-above"/></above>
      <name><xsl:value-of select="normalize-space($name)"/></name>
      <xsl:if test="normalize-space($unit) != ''">
        <unit><xsl:value-of select="normalize-space($unit)"/></unit>
      </xsl:if>
      <xsl:if test="$address">
        <address>
          <xsl:call-template name="address-lines">
            <xsl:with-param name="address" select="$address"/>
          </xsl:call-template>
        </address>
      </xsl:if>
      <xsl:if test="normalize-space($switchboard) != ''">
        <contact kind="phone" href="tel:{normalize-space($switchboard)}">
          <xsl:attribute name="label">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.switchboard'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="normalize-space($switchboard)"/>
        </contact>
      </xsl:if>
      <xsl:if test="normalize-space($website) != ''">
        <contact kind="web" href="{normalize-space($website)}">
          <xsl:attribute name="label">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.website'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="normalize-space($website)"/>
        </contact>
      </xsl:if>
      <xsl:if test="normalize-space($phone) != ''">
        <contact kind="phone" href="tel:{normalize-space($phone)}">
          <xsl:attribute name="label">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.telephone'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="normalize-space($phone)"/>
        </contact>
      </xsl:if>
      <xsl:if test="normalize-space($email) != ''">
        <contact kind="email" href="mailto:{normalize-space($email)}">
          <xsl:attribute name="label">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.email'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="normalize-space($email)"/>
        </contact>
      </xsl:if>
    </letterhead>
  </xsl:template>

  <!-- The footer of every page: the sender and the numbers that verify
       it (G§24), then the letterhead's own lines. -->
  <xsl:template name="footer">
    <xsl:param name="name"/>
    <xsl:param name="switchboard"/>
    <xsl:param name="website"/>
    <footer>
      <!-- The placeholders stay: each layout numbers its own pages. -->
      <xsl:attribute name="page-format">
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'letter.page'"/>
          <xsl:with-param name="a1" select="'{1}'"/>
          <xsl:with-param name="a2" select="'{2}'"/>
        </xsl:call-template>
      </xsl:attribute>
      <!-- The head of every page after the first: the reference, and
           that the letter continues there (issue 14). -->
      <xsl:attribute name="continued">
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'letter.continued'"/>
          <xsl:with-param name="a1" select="normalize-space(q:RegistrationNumber | q:ResponseNumber)"/>
        </xsl:call-template>
      </xsl:attribute>
      <line><xsl:value-of select="normalize-space($name)"/></line>
      <xsl:if test="normalize-space($switchboard) != '' or normalize-space($website) != ''">
        <line>
          <xsl:if test="normalize-space($switchboard) != ''">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.switchboard'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <link href="tel:{normalize-space($switchboard)}"><xsl:value-of select="normalize-space($switchboard)"/></link>
          </xsl:if>
          <xsl:if test="normalize-space($switchboard) != '' and normalize-space($website) != ''">
            <xsl:text> · </xsl:text>
          </xsl:if>
          <xsl:if test="normalize-space($website) != ''">
            <link href="{normalize-space($website)}"><xsl:value-of select="normalize-space($website)"/></link>
          </xsl:if>
        </line>
      </xsl:if>
      <xsl:call-template name="letterhead-footer"/>
    </footer>
  </xsl:template>

  <!-- A label and a value, for the reference block and key/value lists. -->
  <xsl:template name="field">
    <xsl:param name="label-id"/>
    <xsl:param name="value"/>
    <field>
      <label><xsl:call-template name="msg"><xsl:with-param name="id" select="$label-id"/></xsl:call-template></label>
      <value><xsl:copy-of select="$value"/></value>
    </field>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:param name="id"/>
    <heading><xsl:call-template name="msg"><xsl:with-param name="id" select="$id"/></xsl:call-template></heading>
  </xsl:template>

  <!-- Contacts as a table: name (and title), telephone, e-mail; then the
       supervisor who confirms an emergency (format revision 1.1), who
       has a telephone number only. -->
  <xsl:template name="contacts-table">
    <xsl:param name="contacts"/>
    <xsl:param name="supervisor" select="/.."/>
    <table>
      <columns>
        <column width="40"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.name'"/></xsl:call-template></column>
        <column width="22"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.telephone'"/></xsl:call-template></column>
        <column width="38"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.email'"/></xsl:call-template></column>
      </columns>
      <xsl:for-each select="$contacts">
        <row>
          <cell>
            <line><strong><xsl:value-of select="normalize-space(q:Name)"/></strong></line>
            <xsl:if test="q:Title">
              <line role="detail"><xsl:value-of select="normalize-space(q:Title)"/></line>
            </xsl:if>
            <!-- The badge or service number, to call back and check the
                 officer (format revision 1.1). -->
            <xsl:if test="q:ServiceNumber">
              <line role="detail">
                <xsl:call-template name="msg">
                  <xsl:with-param name="id" select="'contact.service-number'"/>
                  <xsl:with-param name="a1"><code><xsl:value-of select="normalize-space(q:ServiceNumber)"/></code></xsl:with-param>
                </xsl:call-template>
              </line>
            </xsl:if>
          </cell>
          <cell><line><link href="tel:{normalize-space(q:Phone)}"><xsl:value-of select="normalize-space(q:Phone)"/></link></line></cell>
          <cell><line><link href="mailto:{normalize-space(q:Email)}"><xsl:value-of select="normalize-space(q:Email)"/></link></line></cell>
        </row>
      </xsl:for-each>
      <xsl:for-each select="$supervisor">
        <row>
          <cell>
            <line><strong><xsl:value-of select="normalize-space(q:Name)"/></strong></line>
            <line role="detail"><xsl:value-of select="normalize-space(q:Role)"/></line>
            <line role="detail"><xsl:call-template name="msg"><xsl:with-param name="id" select="'emergency.supervisor'"/></xsl:call-template></line>
          </cell>
          <cell><line><link href="tel:{normalize-space(q:Phone)}"><xsl:value-of select="normalize-space(q:Phone)"/></link></line></cell>
          <cell/>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- Attachments as a table, the checksum in full. -->
  <xsl:template name="attachments">
    <xsl:if test="q:Attachment">
      <section id="attachments">
        <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.attachments'"/></xsl:call-template>
        <table>
          <columns>
            <column width="34"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.title'"/></xsl:call-template></column>
            <column width="14"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.media-type'"/></xsl:call-template></column>
            <column width="22"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.reference'"/></xsl:call-template></column>
            <column width="30"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.digest'"/></xsl:call-template></column>
          </columns>
          <xsl:for-each select="q:Attachment">
            <row>
              <cell><line><xsl:value-of select="normalize-space(q:Title)"/></line></cell>
              <cell><line><xsl:value-of select="normalize-space(q:MediaType)"/></line></cell>
              <cell><line><code><xsl:value-of select="normalize-space(q:Reference)"/></code></line></cell>
              <cell><line><code><xsl:value-of select="normalize-space(q:Digest)"/></code></line></cell>
            </row>
          </xsl:for-each>
        </table>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
