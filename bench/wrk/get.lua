-- GET the URL given to wrk with the cookie passed as the first script argument (may be empty), and print
-- the run as one JSON line starting "BENCH " for bench/run.sh.
local cookie = ""

function init(args)
  cookie = args[1] or ""
  if cookie ~= "" then wrk.headers["Cookie"] = cookie end
end

local function summary_json(summary, latency, extra)
  local e = summary.errors
  return string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"perSecond":%.1f,"bytes":%d,"p50Ms":%.2f,"p90Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx3xx":%d%s}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, extra or "")
end

bench_summary_json = summary_json

function done(summary, latency, requests)
  io.write(summary_json(summary, latency))
end
