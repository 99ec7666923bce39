"""Accounts that set themselves up: "Wykryj ustawienia", "Zaloguj przez Microsoft / Google" and the
office's app registration (Narzędzia → Logowanie Microsoft i Google)."""
