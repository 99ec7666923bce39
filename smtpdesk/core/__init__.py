"""Qt-free core: model, storage, secrets, SMTP engine, diagnosis and routing."""
