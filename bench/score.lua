-- wrk script: POST one ticket to /v1/score (or to the bare endpoint, which ignores it).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ticket": {"id": "INC-1", "created_at": "2025-03-03T09:00:00Z", "priority": "critical", "system": "Core Banking", "category": "Network"}, "events": [{"at": "2025-03-03T09:05:00Z", "type": "first_response"}], "as_of": "2025-03-03T10:00:00Z"}'

-- BODIES=FILE (bench/many-bodies.py): cycle through those bodies, one JSON a line, instead of the one above, so
-- that the server scores different tickets as in real traffic (the forest's walk costs about twice as much when
-- the caches and branch predictor cannot learn one ticket's path). Building each request costs wrk a little more.
local bodies_file = os.getenv("BODIES")
if bodies_file and bodies_file ~= "" then -- an empty BODIES asks for the one ticket above
  local bodies = {}
  for line in io.lines(bodies_file) do
    bodies[#bodies + 1] = line
  end
  local i = 0
  function request()
    i = i % #bodies + 1
    return wrk.format(nil, nil, nil, bodies[i])
  end
end
