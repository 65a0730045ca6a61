-- SPDX-License-Identifier: MIT
-- wrk script for serve-load.py: POST the document named by LERQ_BENCH_DOC.
local f = assert(io.open(os.getenv("LERQ_BENCH_DOC"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/xml"
