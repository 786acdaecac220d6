whille "\d": pass
