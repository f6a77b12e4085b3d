-- wrk script: bench/score.lua's request, sent on a fixed schedule so that all connections together send RATE
-- requests a second. Usage: RATE=12000 THREADS=2 wrk -t2 -c32 -s bench/score-paced.lua URL
--
-- Each wrk thread keeps a schedule of send times, one every THREADS/RATE seconds. A connection that gets its
-- answer takes the next free time and waits until it comes (wrk's delay() counts whole milliseconds, rounded to
-- the nearest); a connection whose time has passed sends at once, so a slow answer does not lower the rate
-- while idle connections remain. Latency is measured from the send, not from the scheduled time (the
-- coordinated-omission correction of wrk2 is not made): with 16 connections a thread, a stall longer than the
-- connections can absorb shows as a lower rate reached, which wrk reports. So that this can be judged, the run
-- ends with a count of sends that left over a millisecond after their scheduled time (all connections busy) and of
-- slots dropped after a stall of over a second: while both are near zero, wrk's percentiles are what a client
-- sending on schedule would see.
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
sends, late, latest, dropped = 0, 0, 0, 0 -- globals, which done() reads from each thread

function delay()
  local t = now_ms()
  if next_send ~= nil and next_send < t - 1000 then
    dropped = dropped + math.floor((t - next_send) / interval)
    next_send = t -- a stall of over a second: the schedule does not make up for it in a burst
  elseif next_send == nil then
    next_send = t
  end
  local wait = next_send - t
  sends = sends + 1
  if wait < -1 then
    late = late + 1
    latest = math.max(latest, -wait)
  end
  next_send = next_send + interval
  if wait <= 0 then
    return 0
  end
  return math.floor(wait + 0.5)
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local n, l, worst, d = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    n = n + t:get("sends")
    l = l + t:get("late")
    worst = math.max(worst, t:get("latest"))
    d = d + t:get("dropped")
  end
  io.write(string.format("Sends late by over 1 ms: %d of %d (%.3f%%), the latest by %.1f ms; slots dropped: %d\n",
    l, n, n > 0 and 100 * l / n or 0, worst, d))
end
