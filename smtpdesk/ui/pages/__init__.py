"""The tabs of "Ustawienia firmy", one class per tab."""
