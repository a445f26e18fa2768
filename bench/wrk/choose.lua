-- Scenario steps: each connection is one signed-in learner walking the scenario, choosing each option in
-- turn (POST .../choose, answered 302), and at an ending beginning again (POST .../start-again). "ok" counts
-- accepted choices only; "other" counts start-agains and the page reads that resynchronise after a refusal;
-- "failed" counts every post that was not accepted (anything but 302).
dofile(string.match(debug.getinfo(1, "S").source, "^@(.*/)") .. "learners.lua")

local mode, choice

function init(args)
  load_learner(args)
  node, revision, turn = me.node, me.revision, id
  -- Read where the learner is first: a warm-up run (or an earlier load) has moved them on since they were prepared.
  mode = "sync"
  scenario = data.scenarios[me.scenario]
end

function request()
  if mode == "sync" then
    return wrk.format("GET", me.scenario, { Cookie = me.cookie }, nil)
  end
  local here = scenario.graph[node]
  if here == nil or here.ending or #here.targets == 0 then
    mode = "again"
    return wrk.format("POST", me.scenario .. "/start-again", nil, form({ { "revision", tostring(revision) }, { "__RequestVerificationToken", me.token } }))
  end
  mode = "choose"
  turn = turn + 1
  choice = (turn % #here.targets) + 1
  -- The form posts the choice's stable key, never its position (the choices are shown in a shuffled order).
  return wrk.format("POST", me.scenario .. "/choose", nil, form({ { "node", node }, { "choice", here.keys[choice] }, { "revision", tostring(revision) },
    { "__RequestVerificationToken", me.token } }))
end

function response(status, headers, body)
  if mode == "sync" then
    other = other + 1
    revision = tonumber(string.match(body or "", 'name="revision" value="(%d+)"')) or revision
    node = string.match(body or "", 'name="node" value="([^"]+)"') or "(ending)"
    mode = "choose"
  elseif status == 302 then
    revision = revision + 1
    if mode == "again" then
      other = other + 1
      node = scenario.start
    else
      ok = ok + 1
      node = scenario.graph[node].targets[choice]
    end
  else
    failed = failed + 1
    mode = "sync"
  end
  wrk.thread:set("ok", ok); wrk.thread:set("failed", failed); wrk.thread:set("other", other)
end

function done(summary, latency, requests)
  report(summary, latency, "choose")
end
