package bot

import (
	"strconv"
	"strings"

	tele "gopkg.in/telebot.v3"

	"processet/domain"
	"processet/i18n"
)

// variantsPerPage is how many variants a page lists.
const variantsPerPage = 5

// onMiningVariants shows a page of a process's top variants.
func (h *Handler) onMiningVariants(c tele.Context) error {
	return h.showProcessList(c, variantsPerPage, func(r domain.ProcessResult) int { return len(r.TopVariants) },
		func(tr i18n.Printer, ref procRef, r domain.ProcessResult) (string, *tele.ReplyMarkup) {
			return variantsText(tr, r, ref.page), variantsKeyboard(tr, ref, r)
		})
}

// variantPath shows a trace: runs of one activity folded ("Проверка ×3"),
// and a long trace cut to its first and last steps around how many are
// left out, so a case of two hundred events still reads on a phone.
func variantPath(tr i18n.Printer, acts []string) string {
	type run struct {
		name string
		n    int
	}
	var runs []run
	for _, a := range acts {
		if len(runs) > 0 && runs[len(runs)-1].name == a {
			runs[len(runs)-1].n++
			continue
		}
		runs = append(runs, run{a, 1})
	}
	const head, tail = 4, 3
	show := func(r run) string {
		if r.n > 1 {
			return esc(r.name, 40) + " ×" + strconv.Itoa(r.n)
		}
		return esc(r.name, 40)
	}
	var parts []string
	if len(runs) <= head+tail+1 {
		for _, r := range runs {
			parts = append(parts, show(r))
		}
	} else {
		for _, r := range runs[:head] {
			parts = append(parts, show(r))
		}
		skipped := 0
		for _, r := range runs[head : len(runs)-tail] {
			skipped += r.n
		}
		parts = append(parts, tr.T(i18n.MiningVariantSkip, tr.Int(skipped)))
		for _, r := range runs[len(runs)-tail:] {
			parts = append(parts, show(r))
		}
	}
	return strings.Join(parts, " → ")
}

// variantsText is a page of a process's top variants, each with its cases,
// share and path.
func variantsText(tr i18n.Printer, r domain.ProcessResult, page int) string {
	header := tr.T(i18n.MiningVariantsTitle, esc(r.Name, 100), tr.Int(r.Variants))
	if pages := pageCount(len(r.TopVariants), variantsPerPage); pages > 1 {
		header += " · " + tr.T(i18n.PageOf, page+1, pages)
	}
	if len(r.TopVariants) == 0 {
		return header + "\n\n" + tr.T(i18n.MiningVariantsNone)
	}
	if len(r.TopVariants) < r.Variants {
		header += "\n" + tr.T(i18n.MiningVariantsShown, tr.Int(len(r.TopVariants)), tr.Int(r.Variants))
	}
	_, from, to := pageOf(page, len(r.TopVariants), variantsPerPage)
	var lines []string
	for i, v := range r.TopVariants[from:to] {
		lines = append(lines, "\n<b>"+tr.N(i18n.MiningCardVariant, v.Cases, from+i+1, tr.Percent(100*v.Share))+"</b> · "+
			tr.T(i18n.MiningVariantSteps, tr.Int(len(v.Activities)))+"\n<i>"+variantPath(tr, v.Activities)+"</i>")
	}
	return fitLines(tr, header, lines, 0, "", maxText)
}

func variantsKeyboard(tr i18n.Printer, ref procRef, r domain.ProcessResult) *tele.ReplyMarkup {
	nav := pageNav(tr, ref.page, pageCount(len(r.TopVariants), variantsPerPage), func(label string, p int) tele.Btn {
		return button(btnMiningVars, label, procRef{process: ref.process, page: p, list: ref.list}.data()...)
	})
	return inline(nav, backToProcess(tr, ref))
}
