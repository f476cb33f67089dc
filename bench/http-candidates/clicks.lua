-- wrk script: each request is a GET of one of the click paths in the file given after "--", taken in turn,
-- with a browser-like User-Agent. Requests are formatted once in init() so wrk spends no Lua time per request.
local requests = {}
local next_request = 1

local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
}

function init(args)
  local i = 0
  for path in io.lines(args[1]) do
    i = i + 1
    requests[i] = wrk.format("GET", path, { ["User-Agent"] = agents[(i % #agents) + 1] })
  end
  next_request = math.random(#requests)
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

-- One line run.sh reads: completed requests, time, p99 and every kind of error (status = not 2xx/3xx).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p99_us=%d errors=%d status_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
