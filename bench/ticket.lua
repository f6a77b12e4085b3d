-- wrk script: GET /v1/tickets/{id}/score for the latest RECENT of TICKETS generated tickets (ids INC-0000001 on,
-- in creation order), in a fixed pseudo-random order: the open and recent tickets a router scores.
local n = 0
local tickets = tonumber(os.getenv("TICKETS") or "10000")
local recent = math.min(tickets, tonumber(os.getenv("RECENT") or "10000"))
request = function()
  n = n + 1
  local id = string.format("INC-%07d", tickets - recent + (n * 7919) % recent + 1)
  return wrk.format("GET", "/v1/tickets/" .. id .. "/score")
end
