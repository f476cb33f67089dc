-- wrk script for scripts/bench-serve.sh: bench/http-candidates/clicks.lua (the click paths in the file given after
-- "--", in turn, with browser-like User-Agents) with a pause of the second argument's milliseconds before each
-- request on a connection, so that C connections ask for about C * 1000 / pause requests a second. A separate file:
-- wrk times every request once a script defines delay(), even one returning 0.
local folder = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(folder .. "http-candidates/clicks.lua")

local pause_ms = 0
local init_clicks = init

function init(args)
  init_clicks(args)
  pause_ms = tonumber(args[2])
end

function delay()
  return pause_ms
end
