"""Export and import of the configuration from the settings window's "Plik" menu."""

from smtpdesk.ui.exchange.install import ExchangeLauncher, install_exchange

__all__ = ["ExchangeLauncher", "install_exchange"]
