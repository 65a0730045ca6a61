<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- Not a stylesheet at all: refused with LERQ-L002. -->
<letterhead colour="#aa0033"/>
