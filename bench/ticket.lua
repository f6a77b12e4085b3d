-- wrk script: GET /v1/tickets/{id}/score for the demo desk's tickets, in a fixed pseudo-random order.
local n = 0
request = function()
  n = n + 1
  local id = string.format("INC-%07d", (n * 7919) % 10000 + 1)
  return wrk.format("GET", "/v1/tickets/" .. id .. "/score")
end
