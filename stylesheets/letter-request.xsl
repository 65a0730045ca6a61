<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  The letter model of a Request: what the issuing authority writes to the
  service provider, in the order of the Guidelines (G§24-G§37). Included
  by letter.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1"
    xmlns:q="urn:lerq:xml:1"
    exclude-result-prefixes="q">

  <xsl:template match="q:Request">
    <xsl:variable name="type" select="normalize-space(@type)"/>
    <xsl:variable name="authority" select="q:IssuingAuthority"/>
    <xsl:variable name="what">
      <xsl:call-template name="request-subject"/>
    </xsl:variable>
    <xsl:variable name="subject">
      <xsl:call-template name="msg">
        <xsl:with-param name="id" select="'subject.reference'"/>
        <xsl:with-param name="a1" select="string($what)"/>
        <xsl:with-param name="a2"><code><xsl:value-of select="normalize-space(q:RegistrationNumber)"/></code></xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <letter lang="{$lang}" kind="request" type="{$type}" priority="{normalize-space(q:Priority)}">
      <xsl:call-template name="letter-attributes"/>
      <meta title="{$subject}" author="{normalize-space($authority/q:AgencyName)}"
            date="{normalize-space(q:IssuedAt)}" reference="{normalize-space(q:RegistrationNumber)}"/>
      <xsl:call-template name="style"/>
      <xsl:call-template name="letterhead">
        <xsl:with-param name="name" select="$authority/q:AgencyName"/>
        <xsl:with-param name="unit" select="$authority/q:Unit"/>
        <xsl:with-param name="address" select="$authority/q:PostalAddress"/>
        <xsl:with-param name="switchboard" select="$authority/q:Switchboard"/>
        <xsl:with-param name="website" select="$authority/q:Website"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(q:Priority) != 'routine'">
        <notice level="{normalize-space(q:Priority)}">
          <!-- The banner says what the document says: the threat it
               names, or only that the reasons follow. -->
          <xsl:call-template name="msg">
            <xsl:with-param name="id">
              <xsl:choose>
                <xsl:when test="normalize-space(q:Priority) = 'emergency' and q:Emergency/q:Threat">
                  <xsl:value-of select="concat('notice.emergency.', normalize-space(q:Emergency/q:Threat))"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('notice.', normalize-space(q:Priority))"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </notice>
      </xsl:if>
      <xsl:apply-templates select="q:ServiceProvider"/>
      <dateline>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'letter.dateline'"/>
          <xsl:with-param name="a1" select="normalize-space($authority/q:PostalAddress/q:Locality)"/>
          <xsl:with-param name="a2">
            <xsl:call-template name="date"><xsl:with-param name="value" select="q:IssuedAt"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </dateline>
      <xsl:call-template name="request-references"/>
      <subject><xsl:copy-of select="$subject"/></subject>
      <salutation><xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.salutation'"/></xsl:call-template></salutation>
      <para>
        <xsl:call-template name="enum">
          <xsl:with-param name="prefix" select="'intro'"/>
          <xsl:with-param name="value" select="$type"/>
        </xsl:call-template>
      </para>
      <!-- An emergency first (issue 14): what the emergency is, who to
           call and the supervisor who confirms it, on page 1, before the
           rest; the confirmation of the oral request (which the reference
           block names too) after the contacts. -->
      <xsl:variable name="emergency" select="normalize-space(q:Priority) = 'emergency'"/>
      <xsl:if test="$emergency">
        <xsl:apply-templates select="q:Emergency">
          <xsl:with-param name="with-oral" select="false()"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="q:IssuingAuthority" mode="verification">
          <xsl:with-param name="oral" select="q:Emergency/q:OralRequest"/>
        </xsl:apply-templates>
      </xsl:if>
      <xsl:apply-templates select="q:LegalBasis"/>
      <xsl:apply-templates select="q:Investigation"/>
      <xsl:apply-templates select="q:DataRequested"/>
      <xsl:apply-templates select="q:Preservation"/>
      <xsl:if test="not($emergency)">
        <xsl:apply-templates select="q:Emergency"/>
      </xsl:if>
      <xsl:apply-templates select="q:Confidentiality"/>
      <xsl:apply-templates select="q:Delivery"/>
      <xsl:apply-templates select="q:RespondBy"/>
      <xsl:call-template name="attachments"/>
      <xsl:if test="not($emergency)">
        <xsl:apply-templates select="q:IssuingAuthority" mode="verification"/>
      </xsl:if>
      <closing><xsl:call-template name="msg"><xsl:with-param name="id" select="'letter.closing'"/></xsl:call-template></closing>
      <signature>
        <xsl:if test="$authority/q:AuthorisedBy">
          <name><xsl:value-of select="normalize-space($authority/q:AuthorisedBy/q:Name)"/></name>
          <role><xsl:value-of select="normalize-space($authority/q:AuthorisedBy/q:Role)"/></role>
        </xsl:if>
        <organisation><xsl:value-of select="normalize-space($authority/q:AgencyName)"/></organisation>
      </signature>
      <xsl:call-template name="footer">
        <xsl:with-param name="name" select="$authority/q:AgencyName"/>
        <xsl:with-param name="switchboard" select="$authority/q:Switchboard"/>
        <xsl:with-param name="website" select="$authority/q:Website"/>
      </xsl:call-template>
    </letter>
  </xsl:template>

  <!-- "Request for the disclosure of subscriber and traffic data". -->
  <xsl:template name="request-subject">
    <xsl:variable name="type" select="normalize-space(@type)"/>
    <xsl:variable name="items" select="q:DataRequested/q:Item"/>
    <xsl:variable name="categories">
      <xsl:if test="$items[normalize-space(@category) = 'subscriber']">+subscriber</xsl:if>
      <xsl:if test="$items[normalize-space(@category) = 'traffic']">+traffic</xsl:if>
      <xsl:if test="$items[normalize-space(@category) = 'content']">+content</xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$type = 'release' or string($categories) = ''">
        <xsl:call-template name="msg"><xsl:with-param name="id" select="'subject.release'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="concat('subject.', $type)"/>
          <xsl:with-param name="a1">
            <xsl:call-template name="msg">
              <xsl:with-param name="id" select="concat('data.', substring($categories, 2))"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="q:ServiceProvider">
    <xsl:variable name="home" select="normalize-space(../q:IssuingAuthority/q:PostalAddress/q:Country)"/>
    <recipient>
      <line><strong><xsl:value-of select="normalize-space(q:Name)"/></strong></line>
      <xsl:choose>
        <xsl:when test="q:PostalAddress">
          <!-- The country is written only for mail abroad. -->
          <xsl:call-template name="address-lines">
            <xsl:with-param name="address" select="q:PostalAddress"/>
            <xsl:with-param name="with-country" select="normalize-space(q:PostalAddress/q:Country) != $home"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="normalize-space(q:Country) != $home">
          <line><xsl:call-template name="country"><xsl:with-param name="code" select="q:Country"/></xsl:call-template></line>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="q:ContactPoint">
        <line role="detail">
          <xsl:call-template name="msg">
            <xsl:with-param name="id" select="'letter.by-email'"/>
            <xsl:with-param name="a1">
              <link href="mailto:{normalize-space(q:ContactPoint)}"><xsl:value-of select="normalize-space(q:ContactPoint)"/></link>
            </xsl:with-param>
          </xsl:call-template>
        </line>
      </xsl:if>
    </recipient>
  </xsl:template>

  <xsl:template name="request-references">
    <references>
      <xsl:call-template name="field">
        <xsl:with-param name="label-id" select="'ref.ours'"/>
        <xsl:with-param name="value"><code><xsl:value-of select="normalize-space(q:RegistrationNumber)"/></code></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="q:Investigation/q:CaseReference">
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.case'"/>
          <xsl:with-param name="value"><code><xsl:value-of select="normalize-space(q:Investigation/q:CaseReference)"/></code></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="label-id" select="'ref.date'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:IssuedAt"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="label-id" select="'ref.priority'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="enum">
            <xsl:with-param name="prefix" select="'priority'"/>
            <xsl:with-param name="value" select="q:Priority"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="q:RespondBy">
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.respond-by'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:RespondBy"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="q:RelatesTo">
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'ref.related'"/>
          <xsl:with-param name="value">
            <xsl:for-each select="q:RelatesTo">
              <line>
                <xsl:call-template name="msg">
                  <xsl:with-param name="id" select="concat('relation.', normalize-space(@relation))"/>
                  <xsl:with-param name="a1"><code><xsl:value-of select="normalize-space(.)"/></code></xsl:with-param>
                </xsl:call-template>
              </line>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </references>
  </xsl:template>

  <xsl:template match="q:LegalBasis">
    <section id="legal-basis">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.legal-basis'"/></xsl:call-template>
      <para>
        <xsl:call-template name="msg">
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="normalize-space(../@type) = 'release'">legal.provisions.release</xsl:when>
              <xsl:otherwise>legal.provisions</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </para>
      <list>
        <xsl:apply-templates select="q:Provision"/>
      </list>
      <xsl:if test="q:Authorisation">
        <para><xsl:call-template name="msg"><xsl:with-param name="id" select="'legal.authorisations'"/></xsl:call-template></para>
        <list>
          <xsl:for-each select="q:Authorisation">
            <item>
              <line>
                <xsl:call-template name="msg">
                  <xsl:with-param name="id">
                    <xsl:choose>
                      <xsl:when test="q:ValidUntil">legal.authorisation-until</xsl:when>
                      <xsl:otherwise>legal.authorisation</xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                  <xsl:with-param name="a1">
                    <xsl:call-template name="enum">
                      <xsl:with-param name="prefix" select="'authorisation'"/>
                      <xsl:with-param name="value" select="@kind"/>
                    </xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="a2"><strong><xsl:value-of select="normalize-space(q:Reference)"/></strong></xsl:with-param>
                  <xsl:with-param name="a3">
                    <xsl:call-template name="date"><xsl:with-param name="value" select="q:IssuedOn"/></xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="a4">
                    <xsl:call-template name="date"><xsl:with-param name="value" select="q:ValidUntil"/></xsl:call-template>
                  </xsl:with-param>
                </xsl:call-template>
              </line>
              <line role="detail">
                <xsl:call-template name="msg">
                  <xsl:with-param name="id" select="'legal.issued-by'"/>
                  <xsl:with-param name="a1" select="normalize-space(q:IssuedBy)"/>
                </xsl:call-template>
              </line>
            </item>
          </xsl:for-each>
        </list>
      </xsl:if>
      <para>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'legal.channel'"/>
          <xsl:with-param name="a1">
            <xsl:call-template name="enum">
              <xsl:with-param name="prefix" select="'channel'"/>
              <xsl:with-param name="value" select="q:Channel"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </para>
    </section>
  </xsl:template>

  <!-- A provision as the law cites it: the Article as the document gives
       it ("§ 100j", "Art. 6", "section 6"); a bare number ("100j") with
       the designation of the provision's jurisdiction (the catalogue's
       provision.*: § for German, Austrian and Swiss law, section for
       Irish and British law, article otherwise). -->
  <xsl:template match="q:Provision">
    <xsl:variable name="article" select="normalize-space(q:Article)"/>
    <xsl:variable name="j" select="normalize-space(@jurisdiction)"/>
    <item>
      <xsl:call-template name="msg">
        <xsl:with-param name="id" select="'legal.provision'"/>
        <xsl:with-param name="a1" select="normalize-space(q:Instrument)"/>
        <xsl:with-param name="a2">
          <xsl:choose>
            <xsl:when test="contains('0123456789', substring($article, 1, 1))">
              <xsl:call-template name="msg">
                <xsl:with-param name="id">
                  <xsl:choose>
                    <xsl:when test="$j = 'DE' or $j = 'AT' or $j = 'CH'">provision.paragraph</xsl:when>
                    <xsl:when test="$j = 'IE' or $j = 'GB'">provision.section</xsl:when>
                    <xsl:otherwise>provision.article</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
                <!-- A no-break space keeps "§" with its number. -->
                <xsl:with-param name="a1" select="$article"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$article"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="a3">
          <xsl:choose>
            <xsl:when test="$j = 'INT'">
              <xsl:call-template name="msg"><xsl:with-param name="id" select="'legal.international'"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="country"><xsl:with-param name="code" select="$j"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </item>
  </xsl:template>

  <xsl:template match="q:Investigation">
    <section id="investigation">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.investigation'"/></xsl:call-template>
      <para><xsl:call-template name="msg"><xsl:with-param name="id" select="'investigation.offences'"/></xsl:call-template></para>
      <list>
        <xsl:for-each select="q:Offence">
          <item>
            <line><xsl:value-of select="normalize-space(.)"/></line>
            <line role="detail">
              <xsl:call-template name="msg">
                <xsl:with-param name="id" select="'investigation.offence'"/>
                <xsl:with-param name="a1">
                  <xsl:call-template name="enum">
                    <xsl:with-param name="prefix" select="'offence'"/>
                    <xsl:with-param name="value" select="@category"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </line>
          </item>
        </xsl:for-each>
      </list>
      <xsl:if test="q:Summary">
        <subheading><xsl:call-template name="msg"><xsl:with-param name="id" select="'investigation.summary'"/></xsl:call-template></subheading>
        <para><xsl:value-of select="normalize-space(q:Summary)"/></para>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="q:DataRequested">
    <xsl:variable name="type" select="normalize-space(../@type)"/>
    <section id="data-requested">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.data'"/></xsl:call-template>
      <para>
        <xsl:call-template name="msg">
          <xsl:with-param name="id">
            <xsl:choose>
              <xsl:when test="$type = 'preservation'">data.intro.preservation</xsl:when>
              <xsl:otherwise>data.intro.disclosure</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </para>
      <table>
        <columns>
          <column width="8"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.item'"/></xsl:call-template></column>
          <column width="30"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.identifier'"/></xsl:call-template></column>
          <column width="27"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.time'"/></xsl:call-template></column>
          <column width="35"><xsl:call-template name="msg"><xsl:with-param name="id" select="'column.data'"/></xsl:call-template></column>
        </columns>
        <xsl:apply-templates select="q:Item"/>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="q:Item">
    <row>
      <cell><line><strong><code><xsl:value-of select="normalize-space(@id)"/></code></strong></line></cell>
      <cell>
        <xsl:for-each select="q:Identifier">
          <line><code><xsl:value-of select="normalize-space(.)"/></code></line>
          <line role="detail">
            <xsl:choose>
              <xsl:when test="@port">
                <xsl:call-template name="msg">
                  <xsl:with-param name="id" select="'identifier.port'"/>
                  <xsl:with-param name="a1">
                    <xsl:call-template name="enum">
                      <xsl:with-param name="prefix" select="'identifier'"/>
                      <xsl:with-param name="value" select="@type"/>
                    </xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="a2" select="normalize-space(@port)"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="enum">
                  <xsl:with-param name="prefix" select="'identifier'"/>
                  <xsl:with-param name="value" select="@type"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </line>
        </xsl:for-each>
      </cell>
      <cell>
        <xsl:choose>
          <xsl:when test="q:At">
            <line><xsl:call-template name="datetime"><xsl:with-param name="value" select="q:At"/></xsl:call-template></line>
          </xsl:when>
          <xsl:when test="q:Period">
            <line>
              <xsl:call-template name="msg">
                <xsl:with-param name="id" select="'time.from'"/>
                <xsl:with-param name="a1">
                  <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:Period/q:Start"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </line>
            <line>
              <xsl:call-template name="msg">
                <xsl:with-param name="id" select="'time.to'"/>
                <xsl:with-param name="a1">
                  <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:Period/q:End"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </line>
          </xsl:when>
          <xsl:otherwise>
            <line role="detail"><xsl:call-template name="msg"><xsl:with-param name="id" select="'time.none'"/></xsl:call-template></line>
          </xsl:otherwise>
        </xsl:choose>
      </cell>
      <cell>
        <line>
          <strong>
            <xsl:call-template name="enum">
              <xsl:with-param name="prefix" select="'category'"/>
              <xsl:with-param name="value" select="@category"/>
            </xsl:call-template>
          </strong>
        </line>
        <xsl:for-each select="q:Fields/q:Field">
          <line role="item"><xsl:value-of select="normalize-space(.)"/></line>
        </xsl:for-each>
      </cell>
      <xsl:if test="q:Relevance">
        <note>
          <xsl:attribute name="label">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'item.relevance'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:value-of select="normalize-space(q:Relevance)"/>
        </note>
      </xsl:if>
    </row>
  </xsl:template>

  <xsl:template match="q:Preservation">
    <xsl:variable name="days" select="normalize-space(q:Days)"/>
    <section id="preservation">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.preservation'"/></xsl:call-template>
      <fields>
        <xsl:variable name="period">
          <xsl:call-template name="msg">
            <xsl:with-param name="id">
              <xsl:choose>
                <xsl:when test="number($days) = 1">preservation.day</xsl:when>
                <xsl:otherwise>preservation.days</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="a1" select="number($days)"/>
          </xsl:call-template>
        </xsl:variable>
        <!-- The period runs from the request's date (its IssuedAt, in
             its own time zone): the first day is that date, the last
             the day before the Nth day after it. -->
        <xsl:variable name="issued" select="normalize-space(../q:IssuedAt)"/>
        <xsl:variable name="plain">
          <xsl:call-template name="is-plain-date"><xsl:with-param name="v" select="$issued"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'preservation.period'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$plain = 'yes' and number($days) &gt;= 1 and number($days) &lt;= 36600">
                <xsl:call-template name="msg">
                  <xsl:with-param name="id" select="'preservation.dates'"/>
                  <xsl:with-param name="a1" select="string($period)"/>
                  <xsl:with-param name="a2">
                    <xsl:call-template name="date"><xsl:with-param name="value" select="$issued"/></xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="a3">
                    <strong>
                      <xsl:call-template name="date">
                        <xsl:with-param name="value">
                          <xsl:call-template name="add-days">
                            <xsl:with-param name="v" select="$issued"/>
                            <xsl:with-param name="n" select="number($days) - 1"/>
                          </xsl:call-template>
                        </xsl:with-param>
                      </xsl:call-template>
                    </strong>
                  </xsl:with-param>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$period"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'preservation.necessity'"/>
          <xsl:with-param name="value" select="normalize-space(q:Necessity)"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'preservation.follow-up'"/>
          <xsl:with-param name="value" select="normalize-space(q:FollowUp)"/>
        </xsl:call-template>
      </fields>
    </section>
  </xsl:template>

  <xsl:template match="q:OralRequest">
    <para>
      <xsl:call-template name="msg">
        <xsl:with-param name="id" select="'emergency.oral'"/>
        <xsl:with-param name="a1">
          <xsl:call-template name="datetime"><xsl:with-param name="value" select="q:At"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="a2" select="normalize-space(q:ReceivedBy)"/>
      </xsl:call-template>
    </para>
  </xsl:template>

  <xsl:template match="q:Emergency">
    <xsl:param name="with-oral" select="true()"/>
    <section id="emergency">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.emergency'"/></xsl:call-template>
      <fields>
        <xsl:if test="q:Threat">
          <xsl:call-template name="field">
            <xsl:with-param name="label-id" select="'emergency.threat'"/>
            <xsl:with-param name="value">
              <strong>
                <xsl:call-template name="enum">
                  <xsl:with-param name="prefix" select="'threat'"/>
                  <xsl:with-param name="value" select="q:Threat"/>
                </xsl:call-template>
              </strong>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="field">
          <xsl:with-param name="label-id" select="'emergency.justification'"/>
          <xsl:with-param name="value" select="normalize-space(q:Justification)"/>
        </xsl:call-template>
      </fields>
      <xsl:if test="$with-oral">
        <xsl:apply-templates select="q:OralRequest"/>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="q:Confidentiality">
    <section id="confidentiality">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.confidentiality'"/></xsl:call-template>
      <para>
        <xsl:choose>
          <xsl:when test="normalize-space(@notify-subscriber) = 'true' or normalize-space(@notify-subscriber) = '1'">
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'confidentiality.notify'"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="q:Until">
            <xsl:call-template name="msg">
              <xsl:with-param name="id" select="'confidentiality.silent-until'"/>
              <xsl:with-param name="a1">
                <strong><xsl:call-template name="date"><xsl:with-param name="value" select="q:Until"/></xsl:call-template></strong>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="msg"><xsl:with-param name="id" select="'confidentiality.silent'"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </para>
      <xsl:if test="q:Reason">
        <fields>
          <xsl:call-template name="field">
            <xsl:with-param name="label-id" select="'confidentiality.reason'"/>
            <xsl:with-param name="value" select="normalize-space(q:Reason)"/>
          </xsl:call-template>
        </fields>
      </xsl:if>
      <xsl:if test="q:Provision">
        <para><xsl:call-template name="msg"><xsl:with-param name="id" select="'confidentiality.provisions'"/></xsl:call-template></para>
        <list><xsl:apply-templates select="q:Provision"/></list>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="q:Delivery">
    <section id="delivery">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.delivery'"/></xsl:call-template>
      <para>
        <xsl:call-template name="enum">
          <xsl:with-param name="prefix" select="'delivery'"/>
          <xsl:with-param name="value" select="q:Method"/>
        </xsl:call-template>
      </para>
      <xsl:if test="q:Address">
        <fields>
          <xsl:call-template name="field">
            <xsl:with-param name="label-id" select="'delivery.address'"/>
            <xsl:with-param name="value" select="normalize-space(q:Address)"/>
          </xsl:call-template>
        </fields>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="q:RespondBy">
    <section id="deadline">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.deadline'"/></xsl:call-template>
      <para>
        <xsl:call-template name="msg">
          <xsl:with-param name="id" select="'deadline'"/>
          <xsl:with-param name="a1">
            <strong><xsl:call-template name="datetime"><xsl:with-param name="value" select="."/></xsl:call-template></strong>
          </xsl:with-param>
        </xsl:call-template>
      </para>
    </section>
  </xsl:template>

  <!-- Verification (G§24): the switchboard and website, then each contact
       officer with telephone and e-mail. -->
  <xsl:template match="q:IssuingAuthority" mode="verification">
    <xsl:param name="oral" select="/.."/>
    <!-- In an emergency letter the people to call come first, so that
         they and the supervisor are on page 1; the way to verify them
         follows. -->
    <xsl:variable name="first" select="normalize-space(../q:Priority) = 'emergency'"/>
    <xsl:variable name="how">
      <xsl:call-template name="msg">
        <xsl:with-param name="id">
          <xsl:choose>
            <xsl:when test="$first">verification.after</xsl:when>
            <xsl:otherwise>verification</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="a1">
          <link href="tel:{normalize-space(q:Switchboard)}"><xsl:value-of select="normalize-space(q:Switchboard)"/></link>
        </xsl:with-param>
        <xsl:with-param name="a2">
          <link href="{normalize-space(q:Website)}"><xsl:value-of select="normalize-space(q:Website)"/></link>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <section id="verification">
      <xsl:call-template name="heading"><xsl:with-param name="id" select="'section.verification'"/></xsl:call-template>
      <xsl:if test="not($first)"><para><xsl:copy-of select="$how"/></para></xsl:if>
      <xsl:call-template name="signature-check"/>
      <xsl:call-template name="contacts-table">
        <xsl:with-param name="contacts" select="q:Contact"/>
        <xsl:with-param name="supervisor" select="../q:Emergency/q:Supervisor"/>
      </xsl:call-template>
      <xsl:if test="$first"><para><xsl:copy-of select="$how"/></para></xsl:if>
      <xsl:apply-templates select="$oral"/>
    </section>
  </xsl:template>

</xsl:stylesheet>
