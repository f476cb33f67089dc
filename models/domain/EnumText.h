#pragma once

#include <QString>

#include <initializer_list>

namespace herald {

// Reads an enum back from the text its toString() overload writes (in the database and in files).
template<typename Enum>
bool parseEnum(const QString& text, std::initializer_list<Enum> candidates, Enum* out)
{
    for (Enum candidate : candidates) {
        if (toString(candidate) == text) {
            *out = candidate;
            return true;
        }
    }
    return false;
}

} // namespace herald
