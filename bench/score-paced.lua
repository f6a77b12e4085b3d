-- wrk script: bench/score.lua's request, paced so that all connections together send RATE requests a second
-- (wrk waits delay() ms before each request on a connection). Usage: RATE=12000 CONNS=32 wrk -c32 -s bench/score-paced.lua
dofile("bench/score.lua")
local rate = tonumber(os.getenv("RATE") or "1000")
local conns = tonumber(os.getenv("CONNS") or "32")
local pause = conns * 1000 / rate
-- wrk takes whole milliseconds: round up or down at random so that the mean pause is the exact one. The pause
-- runs from an answer to the next request, so the rate reached is a little below RATE; wrk reports it.
math.randomseed(7)
function delay()
  local whole = math.floor(pause)
  return whole + ((math.random() < pause - whole) and 1 or 0)
end
