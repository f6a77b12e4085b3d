-- wrk script: bench/score.lua's request, sent on a fixed schedule so that all connections together send RATE
-- requests a second. Usage: RATE=12000 THREADS=2 wrk -t2 -c32 -s bench/score-paced.lua URL
--
-- Each wrk thread keeps a schedule of send times, one every THREADS/RATE seconds. A connection that gets its
-- answer takes the next free time and waits until it comes (wrk's delay() counts whole milliseconds, rounded to
-- the nearest); a connection whose time has passed sends at once, so a slow answer does not lower the rate
-- while idle connections remain. Latency is measured from the send, not from the scheduled time (the
-- coordinated-omission correction of wrk2 is not made): with 16 connections a thread, a stall longer than the
-- connections can absorb shows as a lower rate reached, which wrk reports.
dofile("bench/score.lua")
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *t);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "1000")
local threads = tonumber(os.getenv("THREADS") or "2")
local interval = threads * 1000 / rate -- ms between this thread's sends
local next_send = nil

function delay()
  local t = now_ms()
  if next_send == nil or next_send < t - 1000 then
    next_send = t -- the start, or a stall of over a second: the schedule does not make up for it in a burst
  end
  local wait = next_send - t
  next_send = next_send + interval
  if wait <= 0 then
    return 0
  end
  return math.floor(wait + 0.5)
end
