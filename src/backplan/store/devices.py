"""Which devices logged what: an exercise of one workout logged on two devices (both
kept by sync) is said where the workout is shown."""

from __future__ import annotations

from backplan.store.part import Part


class Devices(Part):
    """The sync half of the store's reads (mixed into `Store`)."""

    def logged_on_devices(self, workout_id: int) -> dict[str, dict[str, int]]:
        """The exercises of a workout whose sets were logged on more than one device:
        {exercise id: {device: sets}}. Empty before the first sync."""
        with self._guard():
            rows = self._db.execute(
                "SELECT s.exercise_id, e.born FROM logged_sets s"
                " JOIN workouts w ON w.id = s.workout_id"
                " JOIN sync_entities e ON e.id = s.uid"
                " WHERE s.workout_id = ? ORDER BY s.exercise_id, s.set_number",
                (workout_id,),
            ).fetchall()
        found: dict[str, dict[str, int]] = {}
        for exercise_id, born in rows:
            device = str(born).split(".", 2)[-1]  # a hybrid clock reading ends in its device
            devices = found.setdefault(exercise_id, {})
            devices[device] = devices.get(device, 0) + 1
        return {ident: devices for ident, devices in found.items() if len(devices) > 1}
