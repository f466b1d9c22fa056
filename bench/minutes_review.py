"""--minutes through the CLI with a logged history: how many sessions run over.

    python bench/minutes_review.py 25      # 25 sessions a goal at 30 minutes, each logged

Warm-up ramps are known only once the loads are (a logged history), so this plans
through the CLI in-process, logs every session as done, and counts estimates over 30.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.helpers import do, run_json

START = datetime(2026, 1, 5, 18, 0, tzinfo=timezone.utc)


def main() -> int:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    over = total = 0
    for goal in ("strength", "hypertrophy", "endurance"):
        home = tempfile.mkdtemp()
        os.environ["BACKPLAN_HOME"] = home
        for n in range(sessions):
            os.environ["BACKPLAN_NOW"] = (START + timedelta(days=2 * n)).isoformat()
            planned = run_json("workout", "--minutes", "30", "--seed", str(n), "--goal", goal)
            total += 1
            over += planned["estimated_minutes"] > 30
            do(planned)
        shutil.rmtree(home, ignore_errors=True)
    print(f"{over} of {total} sessions over 30 minutes")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
