#!/usr/bin/env python3
"""Writes the benchmark node configuration: one NAS client (127.0.0.1, testing123) and the users
radload and the FreeRADIUS peer use (user0000..user0999 / pass0000..pass0999)."""
import json
import sys

users = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
config = {
    "Clients": [{"Name": "bench", "Address": "127.0.0.1", "Secret": "testing123"}],
    "Users": [{"UserName": f"user{i:04d}", "Password": f"pass{i:04d}"} for i in range(users)],
    "Logging": {"LogLevel": {"Default": "Warning", "Microsoft.Hosting.Lifetime": "Information"}},
}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(config, out)
