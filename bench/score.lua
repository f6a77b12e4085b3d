-- wrk script: POST one ticket to /v1/score (or to the bare endpoint, which ignores it).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ticket": {"id": "INC-1", "created_at": "2025-03-03T09:00:00Z", "priority": "critical", "system": "Core Banking", "category": "Network"}, "events": [{"at": "2025-03-03T09:05:00Z", "type": "first_response"}], "as_of": "2025-03-03T10:00:00Z"}'
