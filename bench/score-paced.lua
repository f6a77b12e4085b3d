-- wrk script: bench/score.lua's request, paced so that all connections together send RATE requests a second
-- (wrk waits delay() ms before each request on a connection). Usage: RATE=12000 CONNS=32 wrk -c32 -s bench/score-paced.lua
dofile("bench/score.lua")
local rate = tonumber(os.getenv("RATE") or "1000")
local conns = tonumber(os.getenv("CONNS") or "32")
function delay()
  return conns * 1000 / rate
end
