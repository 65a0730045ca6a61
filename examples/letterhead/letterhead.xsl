<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  Example letterhead for lerq letters. To see it, render one of the example
  requests with this file as the letterhead; doc/letterhead.md gives the
  command and explains each part.

  A letterhead is a small XSLT stylesheet that imports lerq's own letter
  stylesheet, which is built into the library as res:///letter.xsl, and
  overrides some of its letterhead hooks. It changes how the letter looks
  (emblem, colour, typeface, layout, a line above the agency's name, a line
  in the footer) in every format, never what the letter says about the
  request. The emblem below is a made-up one, drawn for this example
  (logo.png, embedded as base64: base64 -w 76 logo.png).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:lerq:letter:1"
    xmlns:q="urn:lerq:xml:1"
    exclude-result-prefixes="q">

  <xsl:import href="res:///letter.xsl"/>

  <!-- Colour of names, headings and rules; typeface; layout of the block
       (left, centre, or split: name left, address right). -->
  <!-- An authority's letterhead: for its requests, never a response. -->
  <xsl:variable name="letterhead-for" select="'requests'"/>
  <xsl:variable name="letterhead-colour" select="'#123d6b'"/>
  <xsl:variable name="letterhead-font" select="'sans'"/>
  <xsl:variable name="letterhead-layout" select="'split'"/>

  <!-- The emblem: a PNG as a data URI, 20 mm high. -->
  <xsl:template name="letterhead-logo">
    <logo height="20" alt="Emblem"
          src="data:image/png;base64,
                iVBORw0KGgoAAAANSUhEUgAAALQAAADSCAYAAADjYOp1AAAJ6ElEQVR42u2dPYskVRSG6x8M+AN2
                xERYhMZEQdAO1mQCnUVQk5VmEARXZA1U2GBpRBQxsNdoUdAGEQUNJvAjtEUDE7HFzE0GEYyEEcF4
                nNP0LL09Vbe+7r11z7nPgReGnZmu7lvPnjn1nlO3ioIgCIIgCIIgCIIgCCKL+P3TCycIpSKARgAN
                0AigEQJohAAaATRAI4CuBfqeR19CyLsAGgE0QCOABmgE0AgBNAJogEYADdAIoAEaATRCAI0AGqAR
                QAM0AmgWHwE0QgCNABqgEUADNAJohAAaIYBGAA3QCKABGgE0QgCNEECr0717r67EWgC0CV1965OV
                WAuANqGvf/h1JdYCoNVr9PSNk7OQr1kTgFat6+9/eQdo+Zo1AWjV+u32n3eAlq9ZE4A2UW5QdgC0
                et364rtzQMu/sTYArVJ//PX3OaDl31gbgFanJ16+eVIV8j3WCKBV6bNvf6oEWr7HGgG0Kv3z73+V
                QMv3WCOAVtXqrgta4QCtqtVdF7TCAVrNZF3TYAIPoFW1uuuCVjhAq2p11wWtcIBW1+quC1rhAJ2s
                3vn4m9ZAy++wdgCtptVdF7TCATpJPXbw9knXkN9lDQFaTau7LmiFA7SqVndd0AoH6KR05foHJ31D
                XoO1BGg1rW5a4QBtrtVNKxygTUzWNQ0m8ABaVaubVjhAm2t10woHaBOTdUzgAbTJVjetcIA21+qm
                FQ7QKjaR8RW5b0YD0Mpa3bTCAdpcq5tWOECbmKxjAg+gzba6aYUDtKlWN61wgL6rSyebHlZJGhRy
                v16ZxEX48ZfblQrhL4fwq12fQT5j1eeXtXGt3dDdSnNAnwFHpBln/2EAOhGfl0jbJzdbckgNGdLv
                Jdr74zHqetM1tLSBfY5oEt1HW2O15M1fFIp95eM2J6L77WExLcRsXI4Q45pEeuOsWdl2YitRV8ep
                l4d6Fkx2PrT8+aOuDlsvD9mlzLZTiLVnc3Q169Y31p4uSw6gsfZMWXIAjbVnypIDaKw9U5YcQGPt
                mbLkABprz5QlB9BYe6YsOYDG2jNlyQE01p4pSw6gsfZMWXIAjbVnypIDaKw9U5YcQGPtmbLkABpr
                z5QlB9BYe6YsOYA2sudzqLC4lzRAJ/zMlNBh8ZksAJ2xnWfxmSwAndATYYdongA0QJdKawA0QA+y
                K3+osLbbP0Bn7kVbe8gQQCf6zMFYYe3ZhgCdoV1n2b4DaKbvTNl3AN1TFp4WIJ8BoAE66lOtQoeV
                p2YBdKZ2nVX7LjTQR5aBjvEQzVhh5WGdDqCPfAC9sAy0ZrvOqn3nAHoB0MbGRXMYJwXoxO06uTUq
                1q1eFuy70EDPrAIdw66TJ7eeHU++xr7rBfTMB9BTi0CHtuuqNniJseGNdvvOAfQUoAew62RYyAWV
                fC/kMJR2+y400OOqA1zcO8Cu23IZ2uyJIT8bwmXRbN8JUw6gx0GBvvTMs2oXzvcd3nVZOWa2ls+m
                9bwIU0GBdnULtQLt065rm5VjZWut9p0L6MJXnL7YsSWgfbkNXbNyjGy96a4YAfrYJ9ClXvSLV/dU
                Llpfl0H+pIe88JLX7lsSyWfUeG6EqWAe9AbQ87KDvPbK49nZdbG2qPWx9a9G+06YqgB67hPoqRWg
                ZdusFLNyiGytcYswB9BTn0CXOh2fv/tgFnbd0BuHd83WGu07YSqow7EGescK0G2y3VBZ2Ve21mjf
                OYDeKXxGldNh1a6TmYgUa1B5T21mUIw8X+W48B2nL3pYdrALl14wZddJVtMwsSbvsUm21mTfCUsV
                QB+GAHqq3Yuus+sk82naDkDea1221mTfOTzoaQigSy8Mrzz/pPq9N7Rk5a7ZWst/UmEp+AVhXQtc
                i3VXZddpy8pdsrUW+67KsitCRVnHUIvTUWZ7WdxbuewuHC1b7lY4HIuQQJ+ro3/+6D51dp3Gp6u2
                dXM2rxe02HfCUpT6ua6OTt3pkEk27UM7fV2d1J9d6HA4xkXIKDvo5eeeSn6rXOtZuS5bp77lrjAU
                tX52+dGpXxha2xDc4hpUXBAexgB6YqEFjlRcEE5iAL2bw/NWUBIt790iRpweaGnp/kKUZIdwWcSK
                04NdszAbjZKun6/FBHqXOhoFrp93i5hR1jXk5CBP9fOiiB1lbkfqfjRS4z9PhgB6Z3vo/70bj3CS
                UCsJM9vD/N7vTul6N/j3t+7nJKFWEmaC3d3dAejR9p+Lhy9f4UShRhJWSsqNUTFkbHvSb7w+5mSh
                RhJWBvOem14cygigpvsM0XDTdSXjopMiheDiEPm4GCxSibLBf2pp1LJ2nqYE9DkLj84hatEZHM6q
                a5Olte5OiqLvLjotUouy+Q4uEFGDC8H4cxt9svSHbz7EyUQrCQsqsrOrlmbGAzlmNtKrnZtudUDp
                QamhKjvXZWlcD1wNddnZNVqK64GrkWRXsM99hzRcaKAkM7Pha5clGRekns6jbi4ZDY2zG1JAqGdW
                HmWBvNTNolmhNaouEBkzzW4sVN+FoAPq/apH3WrZLB212HKsetNy0X5hIaqez8IGNVlsGBNvn7oU
                Sg8x3HE+bDgaFc0TG6VGU9cDqM3DrNfV6Op6YOeZted0uxp9Gi6ir24+ANTKYJZz5oB5WViP9dz0
                MVCbh/k42TnnmPX0GdTU1GnXzDUw262bHVBfcy0IF4pqLwDjboWbGNRzoDYH87zIOcq25aWjqK4D
                ONw2uIk2XZZ1i8XsR5KzGXc5GuaaJ6GhlpsscUDiOhkVN7YCc187b7MBQ10dp16uaZjkZ891gHrU
                BGpu5xrstqkymEeQ6wlqGSKnBPFbYjgG84G5J9TLJgsrNhIuiB8Xo4Elt1kzA3OIC8XNbH1x7wA4
                W0rWrEVW5gIwJtSSYeQhjpQhzcoLWasWWRmYY3UUy5wQyhB3edHQwaADONTsR1UZwi1ed98i1bK8
                yHs2IwLU+00dEMD2AvKxmRtbE2/ALDucnNXIY06liHzWBmOernqZhklEsGcdT9SqfpQLIouuiHwm
                +WwdauR8bptKGOpxlxJkez7EQtaWz9Bw7qKuxBhD1vDW3rzniVzZV/KoMU2bs8t7lffc0nqrdDGw
                5NLL1kceTuydzC0zDSkNQsl7kffkIRNv6oisnHa2nvYtQ8qyt7gEUpuKYxCj9pZjyLHkmHJsT1l4
                u7yYkpX1OCFzzwCU2oHyJ1+gk8wpAIqaZHX5mbOfl9+V15DX6mivdSkvcDCUliGLCIBo0YLyArAB
                mUgW7FGMUiQhzRnzzKfGnvp0RRLS0fqzUSNnCve+kaw9Z+6C2Lb8Jq7N2RPU4fo9Y70RjTL3rOsg
                VCAt1++JTEz0zt7jdW26iFR7H62PNV0fmyxMRLEDJ2voZmsAFw2z+nLj52fr15hgrxEEQRAEQRAE
                QRAEQRBF8T9S8QCwdkfJOQAAAABJRU5ErkJggg=="/>
  </xsl:template>

  <!-- A line above the agency's name, in the letter's language ($lang is
       the language lerq chose: en, fr, de or es). -->
  <xsl:template name="letterhead-above">
    <line>
      <xsl:choose>
        <xsl:when test="$lang = 'fr'">Ministère de l'Intérieur</xsl:when>
        <xsl:when test="$lang = 'de'">Ministerium des Innern</xsl:when>
        <xsl:when test="$lang = 'es'">Ministerio del Interior</xsl:when>
        <xsl:otherwise>Ministry of the Interior</xsl:otherwise>
      </xsl:choose>
    </line>
  </xsl:template>

  <!-- A line added to the footer of every page. The hooks run with the
       document's root element as context: its fields are at hand. -->
  <xsl:template name="letterhead-footer">
    <xsl:if test="q:IssuingAuthority/q:Contact[1]/q:Email">
      <line>
        <xsl:choose>
          <xsl:when test="$lang = 'fr'">Correspondance : </xsl:when>
          <xsl:when test="$lang = 'de'">Schriftverkehr: </xsl:when>
          <xsl:when test="$lang = 'es'">Correspondencia: </xsl:when>
          <xsl:otherwise>Correspondence: </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="normalize-space(q:IssuingAuthority/q:Contact[1]/q:Email)"/>
      </line>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
