imprt os; x = "\d"
