-- Shared by choose.lua and autosave.lua: one wrk thread per connection per learner, so each thread can keep
-- its own learner's state (wrk does not say which connection a response came on). bench/run.sh runs wrk with
-- as many threads as connections; the first script argument is the learners file CSELearning.Bench wrote.
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function load_learner(args)
  data = dofile(args[1])
  me = data.learners[((id - 1) % #data.learners) + 1]
  if id > #data.learners then
    -- Two connections acting as one learner would refuse each other's posts as out of date.
    error("more connections than prepared learners")
  end
  wrk.headers["Cookie"] = me.cookie
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  ok, failed, other = 0, 0, 0
end

function form(fields)
  local parts = {}
  for _, f in ipairs(fields) do
    table.insert(parts, f[1] .. "=" .. string.gsub(f[2], "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
  end
  return table.concat(parts, "&")
end

function totals()
  local t = { ok = 0, failed = 0, other = 0 }
  for _, thread in ipairs(threads) do
    t.ok = t.ok + (thread:get("ok") or 0)
    t.failed = t.failed + (thread:get("failed") or 0)
    t.other = t.other + (thread:get("other") or 0)
  end
  return t
end

function report(summary, latency, name)
  local t = totals()
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"ok":%d,"okPerSecond":%.1f,"failed":%d,"other":%d,"p50Ms":%.2f,"p90Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx3xx":%d,"post":"%s"}\n',
    summary.requests, seconds, t.ok, t.ok / seconds, t.failed, t.other,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, name))
end
