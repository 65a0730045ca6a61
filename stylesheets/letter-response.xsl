<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  The letter model of a Response: the provider's written answer (G§52-57),
  with the outcome of each item and the records provided. Included by
  letter.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1"
    xmlns:q="urn:lerq:xml:1"
    exclude-result-prefixes="q">

  <!-- A request's items by id, to show what each result answers. -->
  <xsl:key name="request-item" match="q:Request/q:DataRequested/q:Item" use="normalize-space(@id)"/>

  <xsl:template match="q:Response">
    <xsl:variable name="provider" select="normalize-space(q:Responder/q:ProviderName)"/>
    <xsl:variable name="first" select="q:Responder/q:Contact[1]"/>
    <xsl:variable name="status">
      <xsl:call-template name="enum">
        <xsl:with-param name="prefix" select="'status'"/>
        <xsl:with-param name="value" select="q:Status"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="subject">
      <xsl:call-template name="msg">
        <xsl:with-param name="id" select="'subject.response'"/>
        <xsl:with-param name="a1"><code><xsl:value-of select="normalize-space(q:InResponseTo)"/></code></xsl:with-param>
        <xsl:with-param name="a2" select="string($status)"/>
      </xsl:call-template>
    </xsl:variable>
    <letter lang="{$lang}" kind="response" type="response" status="{normalize-space(q:Status)}">
      <xsl:call-template name="letter-attributes"/>
      <meta title="{$subject}" author="{$provider}" date="{normalize-space(q:IssuedAt)}"
            reference="{normalize-space(q:ResponseNumber)}"/>
      <xsl:call-template name="style"/>
      <!-- A response names no postal address, switchboard or website:
           the letterhead is the provider's name and how to reach the
           first contact. -->
      <xsl:call-template name="letterhead">
        <xsl:with-param name="name" select="$provider"/>
        <xsl:with-param name="phone" select="$first/q:Phone"/>
        <xsl:with-param name="email" select="$first/q:Email"/>
      </xsl:call-template>
      <!-- Addressed to the authority that asked, when the request is
           known. -->
      <xsl:if test="$request-uri != ''">
        <xsl:for-each select="document($request-uri)/q:Request/q:IssuingAuthority">
          <recipient>
            <line><strong><xsl:value-of select="normalize-space(q:AgencyName)"/></strong></line>
            <xsl:if test="q:Unit"><line><xsl:value-of select="normalize-space(q:Unit)"/></line></xsl:if>
            <xsl:call-template name="address-lines">
              <xsl:with-param name="address" select="q:PostalAddress"/>
            </xsl:call-template>
          </recipient>
        </xsl:for-each>
      </xsl:if>
      <dateline>
        <xsl:variable name="date">
          <xsl:call-template name="date"><xsl:with-param name="value" select="q:IssuedAt"/></xsl:call-template>
        </xsl:variable>
        <!-- The place is the provider's address the request gave. -->
        <xsl:variable name="place">
          <xsl:if test="$request-uri != ''">
            <xsl:value-of select="normalize-space(document($request-uri)/q:Request/q:ServiceProvider/q:PostalAddress/q:Locality)"/>
          </xsl:if>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="string($place) != ''">
            <xsl:call-template name="msg">
              <xsl:with-param name="id" select="'letter.dateline'"/>
              <xsl:with-param name="a1" select="string($place)"/>
              <xsl:with-param name="a2" select="string($date)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
        </xsl:choose>
      </dateline>
      <references>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.yours'"/>
          <xsl:with-param name="value"><code><xsl:value-of select="normalize-space(q:InResponseTo)"/></code></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.ours'"/>
          <xsl:with-param name="value"><code><xsl:value-of select="normalize-space(q:ResponseNumber)"/></code></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.received'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:ReceivedAt"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.date'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:IssuedAt"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.status'"/>
          <xsl:with-param name="value"><strong><xsl:value-of select="$status"/></strong></xsl:with-param>
        </xsl:call-template>
        <!-- G§55: what the provider hands over is personal data. -->
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.handling'"/>
          <xsl:with-param name="value">
            <strong><xsl:call-template name="msg"><xsl:with-param name="id" select="'response.personal-data'"/></xsl:call-template></strong>
          </xsl:with-param>
        </xsl:call-template>
      </references>
      <subject><xsl:copy-of select="$subject"/></subject>
      <salutation><xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.salutation'"/></xsl:call-template></salutation>
      <para>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'response.intro'"/>
          <xsl:with-param name="a1"><code><xsl:value-of select="normalize-space(q:InResponseTo)"/></code></xsl:with-param>
          <xsl:with-param name="a2">
            <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:ReceivedAt"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="enum">
          <xsl:with-param name="prefix" select="'status-sentence'"/>
          <xsl:with-param name="value" select="q:Status"/>
        </xsl:call-template>
      </para>
      <xsl:call-template name="results"/>
      <xsl:if test="q:Result/q:Record">
        <section id="records">
          <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.records'"/></xsl:call-template>
          <xsl:apply-templates select="q:Result/q:Record"/>
        </section>
      </xsl:if>
      <xsl:call-template name="attachments"/>
      <section id="contact">
        <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.contact'"/></xsl:call-template>
        <para><xsl:call-template name="msg"><xsl:with-param name="id" select="'response.contact'"/></xsl:call-template></para>
        <xsl:call-template name="signature-check"/>
        <xsl:call-template name="contacts-table">
          <xsl:with-param name="contacts" select="q:Responder/q:Contact"/>
        </xsl:call-template>
      </section>
      <closing><xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.closing'"/></xsl:call-template></closing>
      <signature>
        <name><xsl:value-of select="normalize-space($first/q:Name)"/></name>
        <xsl:if test="$first/q:Title">
          <role><xsl:value-of select="normalize-space($first/q:Title)"/></role>
        </xsl:if>
        <organisation><xsl:value-of select="$provider"/></organisation>
      </signature>
      <xsl:call-template name="footer">
        <xsl:with-param name="name" select="$provider"/>
      </xsl:call-template>
    </letter>
  </xsl:template>

  <!-- One row per Result: the item, its outcome, and why or until when. -->
  <xsl:template name="results">
    <section id="results">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.results'"/></xsl:call-template>
      <xsl:if test="$request-uri = ''">
        <para>
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'results.of-request'"/>
            <xsl:with-param name="a1"><code><xsl:value-of select="normalize-space(q:InResponseTo)"/></code></xsl:with-param>
          </xsl:call-template>
        </para>
      </xsl:if>
      <table>
        <columns>
          <column width="10"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.item'"/></xsl:call-template></column>
          <column width="20"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.outcome'"/></xsl:call-template></column>
          <column width="70"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.details'"/></xsl:call-template></column>
        </columns>
        <xsl:for-each select="q:Result">
          <row>
            <cell><line><strong><code><xsl:value-of select="normalize-space(@item)"/></code></strong></line></cell>
            <cell>
              <line>
                <xsl:call-template name="enum">
                  <xsl:with-param name="prefix" select="'outcome'"/>
                  <xsl:with-param name="value" select="@outcome"/>
                </xsl:call-template>
              </line>
            </cell>
            <cell>
              <xsl:if test="$request-uri != ''">
                <xsl:variable name="id" select="normalize-space(@item)"/>
                <xsl:for-each select="document($request-uri)">
                  <xsl:apply-templates select="key('request-item', $id)" mode="asked"/>
                </xsl:for-each>
              </xsl:if>
              <xsl:if test="q:Reason">
                <line>
                  <strong>
                    <xsl:choose>
                      <!-- A remark on data preserved or provided is no
                           refusal. -->
                      <xsl:when test="normalize-space(q:Reason/@code) = 'other' and
                                      (normalize-space(@outcome) = 'preserved' or normalize-space(@outcome) = 'provided')">
                        <xsl:call-template name="msg"><xsl:with-param name="id" select="'reason.note'"/></xsl:call-template>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:call-template name="enum">
                          <xsl:with-param name="prefix" select="'reason'"/>
                          <xsl:with-param name="value" select="q:Reason/@code"/>
                        </xsl:call-template>
                      </xsl:otherwise>
                    </xsl:choose>
                  </strong>
                </line>
                <line><xsl:value-of select="normalize-space(q:Reason)"/></line>
              </xsl:if>
              <xsl:if test="q:PreservedUntil">
                <line>
                  <xsl:call-template name="msg">
                    <xsl:with-param name="id" select="'result.preserved-until'"/>
                    <xsl:with-param name="a1">
                      <xsl:call-template name="date"><xsl:with-param name="value" select="q:PreservedUntil"/></xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                </line>
              </xsl:if>
              <xsl:if test="q:Record">
                <line role="detail"><xsl:call-template name="msg"><xsl:with-param name="id" select="'result.records'"/></xsl:call-template></line>
              </xsl:if>
            </cell>
          </row>
        </xsl:for-each>
      </table>
    </section>
  </xsl:template>

  <!-- What the request asked for under an item: its identifiers and
       time, as detail lines of the result. -->
  <xsl:template match="q:Item" mode="asked">
    <line role="detail">
      <xsl:call-template name="msg">
        <xsl:with-param name="id" select="'result.asked'"/>
        <xsl:with-param name="a1">
          <xsl:for-each select="q:Identifier">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <code><xsl:value-of select="normalize-space(.)"/></code>
            <xsl:text> (</xsl:text>
            <xsl:call-template name="enum">
              <xsl:with-param name="prefix" select="'identifier'"/>
              <xsl:with-param name="value" select="@type"/>
            </xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:for-each>
          <xsl:choose>
            <xsl:when test="q:At">
              <xsl:text>, </xsl:text>
              <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:At"/></xsl:call-template>
            </xsl:when>
            <xsl:when test="q:Period">
              <xsl:text>, </xsl:text>
              <xsl:call-template name="msg">
                <xsl:with-param name="id" select="'time.from'"/>
                <xsl:with-param name="a1"><xsl:call-template name="datetime"><xsl:with-param name="value" select="q:Period/q:Start"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="msg">
                <xsl:with-param name="id" select="'time.to'"/>
                <xsl:with-param name="a1"><xsl:call-template name="datetime"><xsl:with-param name="value" select="q:Period/q:End"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
            </xsl:when>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </line>
  </xsl:template>

  <!-- Each record: a heading naming its item, then name/value pairs. -->
  <xsl:template match="q:Record">
    <xsl:variable name="item" select="normalize-space(../@item)"/>
    <!-- An id that says "item" itself is not called "Item item-1". -->
    <xsl:variable name="says-item"
        select="starts-with(translate($item, 'ITEM', 'item'), 'item')"/>
    <subheading>
      <xsl:choose>
        <xsl:when test="$says-item and count(../q:Record) &gt; 1">
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'records.id-record'"/>
            <xsl:with-param name="a1" select="$item"/>
            <xsl:with-param name="a2" select="count(preceding-sibling::q:Record) + 1"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$says-item"><xsl:value-of select="$item"/></xsl:when>
        <xsl:when test="count(../q:Record) &gt; 1">
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'records.item-record'"/>
            <xsl:with-param name="a1" select="$item"/>
            <xsl:with-param name="a2" select="count(preceding-sibling::q:Record) + 1"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'records.item'"/>
            <xsl:with-param name="a1" select="$item"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </subheading>
    <fields>
      <xsl:for-each select="q:Field">
        <field>
          <label><xsl:value-of select="normalize-space(@name)"/></label>
          <value><xsl:value-of select="normalize-space(.)"/></value>
        </field>
      </xsl:for-each>
    </fields>
  </xsl:template>

</xsl:stylesheet>
