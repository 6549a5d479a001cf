package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"

	"processet/domain"
)

// Int formats a whole number with thousands grouped: "1 240" in Russian
// (with a no-break space, so a number never wraps), "1,240" in English.
func (p Printer) Int(n int) string { return p.group(strconv.FormatInt(int64(n), 10)) }

// Int64 is Int for 64-bit values such as prices.
func (p Printer) Int64(n int64) string { return p.group(strconv.FormatInt(n, 10)) }

func (p Printer) group(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	sep := ","
	if p.Lang == domain.LangRU {
		sep = "\u00a0"
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}

// Decimal formats f with the given number of decimals and the language's
// decimal mark; trailing zeros are dropped ("12,5", "3").
func (p Printer) Decimal(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := p.Int64(n)
	if whole == "-0" {
		out = "0"
	}
	if frac == "" {
		return out
	}
	mark := "."
	if p.Lang == domain.LangRU {
		mark = ","
	}
	return out + mark + frac
}

// Percent formats a percentage with at most one decimal: "27 %" / "27%".
func (p Printer) Percent(f float64) string {
	if p.Lang == domain.LangRU {
		return p.Decimal(f, 1) + "\u00a0%"
	}
	return p.Decimal(f, 1) + "%"
}

// Money formats whole rubles in full: "1 250 000 ₽" / "₽1,250,000".
func (p Printer) Money(rub int64) string {
	if p.Lang == domain.LangRU {
		return p.Int64(rub) + "\u00a0₽"
	}
	return "₽" + p.Int64(rub)
}

// MoneyShort formats rubles compactly for KPI tiles: "4,2 млн ₽" / "₽4.2M".
func (p Printer) MoneyShort(rub int64) string {
	abs := math.Abs(float64(rub))
	var v float64
	var unit Key
	switch {
	case abs >= 1e9:
		v, unit = float64(rub)/1e9, UnitBillion
	case abs >= 1e6:
		v, unit = float64(rub)/1e6, UnitMillion
	case abs >= 1e4:
		v, unit = float64(rub)/1e3, UnitThousand
	default:
		return p.Money(rub)
	}
	num := p.Decimal(v, 1) + p.T(unit)
	if p.Lang == domain.LangRU {
		return num + "\u00a0₽"
	}
	return "₽" + num
}

// DateTime formats an instant in the printer's time zone.
func (p Printer) DateTime(t time.Time) string {
	t = t.In(p.Loc)
	if p.Lang == domain.LangRU {
		return t.Format("02.01.2006 15:04")
	}
	return t.Format("Jan 2, 2006 15:04")
}

// Date formats a day in the printer's time zone.
func (p Printer) Date(t time.Time) string {
	t = t.In(p.Loc)
	if p.Lang == domain.LangRU {
		return t.Format("02.01.2006")
	}
	return t.Format("Jan 2, 2006")
}

// ShortDate is a day without the year, for chart axes: "24.11" / "Nov 24".
func (p Printer) ShortDate(t time.Time) string {
	t = t.In(p.Loc)
	if p.Lang == domain.LangRU {
		return t.Format("02.01")
	}
	return t.Format("Jan 2")
}

// Duration formats a span coarsely, the two largest units: "3 дн 4 ч",
// "2 ч 15 мин", "5 мин" / "3d 4h", "2h 15m", "5m".
func (p Printer) Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	mins := int(d / time.Minute)
	days, hours, m := mins/(24*60), mins/60%24, mins%60
	switch {
	case days > 0 && hours > 0:
		return p.T(DurDays, days) + " " + p.T(DurHours, hours)
	case days > 0:
		return p.T(DurDays, days)
	case hours > 0 && m > 0:
		return p.T(DurHours, hours) + " " + p.T(DurMinutes, m)
	case hours > 0:
		return p.T(DurHours, hours)
	default:
		return p.T(DurMinutes, m)
	}
}
