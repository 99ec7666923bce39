"""The employees as a table model: a plain list behind it, so thousands of rows stay fast."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from smtpdesk.core.model import Employee, Role

_Index = QModelIndex | QPersistentModelIndex
# Data of an added column: (employee, Qt item role) -> value for that role, None for none.
ColumnData = Callable[[Employee, int], object]


class EmployeesModel(QAbstractTableModel):
    NAME, EMAIL, PHONE, ROLE, OWN_SMTP = range(5)
    BUILT_IN_COLUMNS = 5
    EMPLOYEE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Employee of a row, for any column

    def __init__(self, employees: list[Employee] | None = None) -> None:
        super().__init__()
        self._employees: list[Employee] = list(employees or [])
        # Literal calls, so lupdate finds the strings.
        translate = QCoreApplication.translate
        self._headers = [
            translate("EmployeesModel", "Imię i nazwisko"),
            translate("EmployeesModel", "E-mail"),
            translate("EmployeesModel", "Telefon"),
            translate("EmployeesModel", "Rola"),
            translate("EmployeesModel", "Własny SMTP"),
        ]
        self._roles = {
            Role.ADMIN: translate("EmployeesModel", "Administrator"),
            Role.AGENT: translate("EmployeesModel", "Agent"),
        }
        self._yes = translate("EmployeesModel", "Tak")
        self._no = translate("EmployeesModel", "Nie")
        self._extra: list[ColumnData] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Polish alphabetical order (ł after l, ś after s), compared in C++.
        self._collator = QCollator(QLocale(QLocale.Language.Polish))
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._employees)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        employee = self._employees[index.row()]
        if role == self.EMPLOYEE_ROLE:
            return employee
        if index.column() >= self.BUILT_IN_COLUMNS:
            return self._extra[index.column() - self.BUILT_IN_COLUMNS](employee, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(employee, index.column())
        return None

    # -- columns added by other features -------------------------------------------------------

    def add_column(self, title: str, data: ColumnData) -> int:
        """Appends a column whose cells ``data(employee, role)`` provides; returns its number."""
        column = len(self._headers)
        self.beginInsertColumns(QModelIndex(), column, column)
        self._headers.append(title)
        self._extra.append(data)
        self.endInsertColumns()
        return column

    def refresh_column(self, column: int) -> None:
        """Repaints one column after the values behind it changed."""
        if self._employees and 0 <= column < self.columnCount():
            self.dataChanged.emit(self.index(0, column), self.index(len(self._employees) - 1, column))

    # -- list operations ------------------------------------------------------------------------

    def text(self, employee: Employee, column: int) -> str:
        if column == self.NAME:
            return employee.full_name
        if column == self.EMAIL:
            return employee.email
        if column == self.PHONE:
            return employee.phone
        if column == self.ROLE:
            return self._roles.get(employee.role, str(employee.role))
        if column == self.OWN_SMTP:
            return self._yes if employee.has_own_smtp else self._no
        value = self._extra[column - self.BUILT_IN_COLUMNS](employee, Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def employees(self) -> list[Employee]:
        return list(self._employees)

    def employee(self, row: int) -> Employee:
        return self._employees[row]

    def set_employees(self, employees: list[Employee]) -> None:
        self.beginResetModel()
        self._employees = self._sorted(list(employees))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts the list itself: one key per row instead of a Python call per comparison."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_rows = {id(employee): row for row, employee in enumerate(self._employees)}
        self._employees = self._sorted(self._employees)
        new_rows = {old_rows[id(employee)]: row for row, employee in enumerate(self._employees)}
        previous = self.persistentIndexList()
        self.changePersistentIndexList(
            previous, [self.index(new_rows[index.row()], index.column()) for index in previous]
        )
        self.layoutChanged.emit()

    def _sorted(self, employees: list[Employee]) -> list[Employee]:
        if not 0 <= self._sort_column < self.columnCount():
            return employees
        texts = [self.text(employee, self._sort_column) for employee in employees]
        # Names repeat in a large office: each distinct text is collated once (a sort key compared
        # in C++), then ranked; texts the collator finds equal share a rank, so the sort is stable
        # exactly as a comparison sort with the collator would be.
        keys = {text: self._collator.sortKey(text) for text in set(texts)}
        ranks: dict[str, int] = {}
        rank, previous = -1, None
        for text in sorted(keys, key=keys.__getitem__):
            if previous is None or previous < keys[text]:
                rank += 1
            previous = keys[text]
            ranks[text] = rank
        order = sorted(
            range(len(employees)),
            key=lambda row: ranks[texts[row]],
            reverse=self._sort_order is Qt.SortOrder.DescendingOrder,
        )
        return [employees[row] for row in order]

    def row_of(self, employee_id: int | None) -> int:
        for row, employee in enumerate(self._employees):
            if employee.id == employee_id:
                return row
        return -1

    def upsert(self, employee: Employee) -> int:
        """Replaces the employee with the same id, or appends it; returns its row."""
        row = self.row_of(employee.id)
        if row >= 0:
            self._employees[row] = employee
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return row
        row = len(self._employees)
        self.beginInsertRows(QModelIndex(), row, row)
        self._employees.append(employee)
        self.endInsertRows()
        if self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)
        return self.row_of(employee.id)

    def remove(self, employee_id: int | None) -> None:
        row = self.row_of(employee_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._employees[row]
            self.endRemoveRows()


class EmployeesFilter(QSortFilterProxyModel):
    """The search over name, e-mail, phone and role (every word must match, any case); sorting is
    handed to the source model, which sorts thousands of rows far faster than per-pair calls."""

    def __init__(self, source: EmployeesModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self._needle = ""
        self._source = source

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.9
            self._needle = needle
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        employee = self._source.employee(source_row)
        haystack = " ".join(self._source.text(employee, column) for column in range(4)).casefold()
        return all(word in haystack for word in self._needle.split())
