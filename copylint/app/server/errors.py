"""The error a handler raises when the client asked for something wrong; the app answers it as JSON."""

from __future__ import annotations


class ApiError(Exception):
    """An HTTP error answer: ``status`` and a one-line ``message`` naming the problem."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def to_json(self) -> dict[str, object]:
        return {"error": self.message, "status": self.status}
