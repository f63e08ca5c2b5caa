#!/usr/bin/env python3
"""Writes the benchmark payloads. token.json and created-user.json are the bodies of the recorded
exchanges 01-token-basic and 03-create-user-1 (Logto 1.42.0); user.json and users-page-100.json follow
the User schema of the vendored document and the field order Logto sends (03-create-user-1), with the
mix of users a tenant has: password users, social sign-ins with identity details, filled-in profiles
and custom data, suspended users. Deterministic: run it again and the files do not change."""
import json
import random
import re
import sys
from pathlib import Path

here = Path(__file__).parent
wire = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "../../../tests/LogtoGenerated.Tests/Fixtures/logto-wire"


def body(name):
    text = (wire / name).read_text()
    return text[text.index("\n{") + 1:].strip()


(here / "token.json").write_text(body("01-token-basic.txt") + "\n")
(here / "created-user.json").write_text(body("03-create-user-1.txt") + "\n")

rng = random.Random(42)
alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
first = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Dennis", "Radia", "Tim"]
last = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Ritchie", "Perlman", "Berners-Lee"]
base_time = 1795247190700


def user(i, kind):
    given, family = rng.choice(first), rng.choice(last)
    login = re.sub(r"[^a-z]", "", (given + family).lower()) + str(i)
    created = base_time - rng.randrange(1, 400) * 86_400_000 - rng.randrange(86_400_000)
    u = {
        "id": "".join(rng.choice(alphabet) for _ in range(12)),
        "username": login,
        "primaryEmail": login + "@example.com",
        "primaryPhone": None,
        "name": given + " " + family,
        "avatar": None,
        "customData": {},
        "identities": {},
        "lastSignInAt": created + rng.randrange(86_400_000, 30 * 86_400_000),
        "createdAt": created,
        "updatedAt": created + rng.randrange(0, 86_400_000),
        "profile": {},
        "applicationId": None,
        "cimdClientId": None,
        "isSuspended": False,
    }
    if kind == "social":
        gid = str(rng.randrange(1_000_000, 99_999_999))
        u["username"] = None
        u["avatar"] = "https://avatars.githubusercontent.com/u/" + gid + "?v=4"
        u["applicationId"] = "".join(rng.choice(alphabet) for _ in range(21))
        u["identities"] = {
            "github": {
                "userId": gid,
                "details": {
                    "id": gid,
                    "name": given + " " + family,
                    "email": login + "@example.com",
                    "avatar": u["avatar"],
                    "rawData": {"login": login, "id": int(gid), "type": "User", "site_admin": False, "company": None, "public_repos": rng.randrange(0, 200)},
                },
            }
        }
    elif kind == "profile":
        u["primaryPhone"] = "1" + str(rng.randrange(2_000_000_000, 9_999_999_999))
        u["profile"] = {"givenName": given, "familyName": family, "locale": rng.choice(["en-US", "de-DE", "fr-FR", "ja-JP"]), "zoneinfo": "Europe/Berlin"}
        u["customData"] = {"plan": rng.choice(["free", "pro", "enterprise"]), "seats": rng.randrange(1, 50), "onboarded": True, "tags": ["beta", "newsletter"]}
    elif kind == "suspended":
        u["isSuspended"] = True
        u["lastSignInAt"] = None
    return u


kinds = ["password"] * 4 + ["social"] * 3 + ["profile"] * 2 + ["suspended"]
page = [user(i, kinds[i % len(kinds)]) for i in range(100)]
(here / "users-page-100.json").write_text(json.dumps(page, separators=(",", ":")) + "\n")

single = user(7, "social")
given, family = single["name"].split(" ", 1)
single["profile"] = {"givenName": given, "familyName": family, "locale": "en-GB"}
single["customData"] = {"plan": "pro", "seats": 12, "onboarded": True}
single["hasPassword"] = False
(here / "user.json").write_text(json.dumps(single, separators=(",", ":")) + "\n")
