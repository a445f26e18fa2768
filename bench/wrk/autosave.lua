-- Reflection autosave: each connection is one signed-in learner saving their own log as the editor does
-- (POST /reflections/{id}/autosave, answered 200 with the new version), the text changing every time.
-- "failed" counts every save not answered 200; after one the log is read again to pick up its version.
dofile(string.match(debug.getinfo(1, "S").source, "^@(.*/)") .. "learners.lua")

local mode, n
local filler = string.rep("What I noticed about how the young person responded, and what I will do next time. ", 8)

function init(args)
  load_learner(args)
  version, n = me.version, 0
  -- Read the log's version first: a warm-up run has saved it since it was prepared.
  mode = "sync"
end

function request()
  if mode == "sync" then
    return wrk.format("GET", me.reflection, { Cookie = me.cookie }, nil)
  end
  n = n + 1
  return wrk.format("POST", me.reflection .. "/autosave", nil, form({
    { "Title", "Bench log " .. id }, { "Description", "Save " .. n .. ". " .. filler }, { "Feelings", filler },
    { "Evaluation", "" }, { "Analysis", "" }, { "Conclusion", "" }, { "ActionPlan", "" },
    { "Version", tostring(version) }, { "__RequestVerificationToken", me.token } }))
end

function response(status, headers, body)
  if mode == "sync" then
    other = other + 1
    version = tonumber(string.match(body or "", 'name="Version" value="(%d+)"')) or version
    mode = "save"
  elseif status == 200 then
    ok = ok + 1
    version = tonumber(string.match(body or "", '"version":(%d+)')) or (version + 1)
  else
    failed = failed + 1
    mode = "sync"
  end
  wrk.thread:set("ok", ok); wrk.thread:set("failed", failed); wrk.thread:set("other", other)
end

function done(summary, latency, requests)
  report(summary, latency, "autosave")
end
